# Sourced by the benchmarks that load the benchmark province (bench/sql/*-province.sql): needs KC and PG set.
PSQL() { PGPASSWORD=postgres psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG -U postgres "$@"; }

# An admin of the province in Keycloak (bench-province, unit_code 620000000000); prints its access token.
province_admin_token() {
  local admin user role
  admin=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "http://127.0.0.1:$KC/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" -H "Content-Type: application/json" \
    "http://127.0.0.1:$KC/admin/realms/unity/users" -d '{"username":"bench-province","enabled":true,"emailVerified":true,
    "firstName":"基准","lastName":"省","email":"bench@demo.tuanjie.org","attributes":{"unit_code":["620000000000"]},
    "credentials":[{"type":"password","value":"demo-2026","temporary":false}]}'
  user=$(curl -s -H "Authorization: Bearer $admin" "http://127.0.0.1:$KC/admin/realms/unity/users?username=bench-province&exact=true" \
    | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')
  role=$(curl -s -H "Authorization: Bearer $admin" "http://127.0.0.1:$KC/admin/realms/unity/roles/admin")
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" -H "Content-Type: application/json" \
    "http://127.0.0.1:$KC/admin/realms/unity/users/$user/role-mappings/realm" -d "[$role]"
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d username=bench-province -d password=demo-2026 \
    "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# p50 and p99 in ms of GETs of a URL with a header, four connections, after a warm-up of 3 s (or $3 s)
latency() {
  wrk -t1 -c4 -d"${3:-3}s" -H "$2" "$1" >/dev/null
  wrk -t1 -c4 -d"${DURATION}s" --latency -H "$2" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } END { printf "%.1f %.1f", p50, p99 }'
}
