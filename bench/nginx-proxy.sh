# Sourced by the benchmarks that set nginx beside our gateway: the same hop, done by nginx.
# nginx_proxy CONF LISTEN_PORT UPSTREAM_PORT writes CONF, in which nginx listens on LISTEN_PORT and proxies /api/…
# to /… on UPSTREAM_PORT with keep-alive connections, as our gateway does; its pid and error log sit beside CONF.
nginx_proxy() {
  local conf=$1 listen=$2 upstream=$3 dir
  dir=$(dirname "$conf")
  cat > "$conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream units { server 127.0.0.1:$upstream; keepalive 64; }
  server {
    listen 127.0.0.1:$listen;
    location /api/ { proxy_pass http://units/; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
}
