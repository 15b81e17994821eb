// A clerk's writes beside the soak: POST /api/units through the gateway at a fixed rate, each with its own
// Idempotency-Key, and every tenth sent twice (a retry after a lost answer), so the store of recorded answers keeps
// growing unless its sweep removes what is past the retention period. Prints one JSON line of counts.
//   node bench/idempotent-writes.mjs GATEWAY_URL TOKEN PARENT_ID PER_SECOND SECONDS
import { randomUUID } from 'node:crypto';

const [gateway, token, parentId, perSecond, seconds] = process.argv.slice(2);
const total = Math.round(Number(perSecond) * Number(seconds));
const run = String(Date.now() % 1000).padStart(3, '0');

// an enterprise's 统一社会信用代码 (GB 32100-2015): registered in the county, a check character over the first 17
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n) {
  const first17 = `91513330${run}${String(n).padStart(6, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
const counts = { sent: 0, created: 0, replayed: 0, other: 0, errors: 0 };

async function post(n, key) {
  counts.sent++;
  try {
    const response = await fetch(`${gateway}/api/units`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ code: creditCode(n), kind: 'ENTERPRISE', parentId, names: { zh: `基准企业${n}` } }),
    });
    await response.arrayBuffer();
    if (response.status !== 201) counts.other++;
    else if (response.headers.get('idempotent-replayed') === 'true') counts.replayed++;
    else counts.created++;
  } catch {
    counts.errors++;
  }
}

const start = Date.now();
const pending = [];
for (let n = 0; n < total; n++) {
  // open loop: each write leaves at its time, whether or not the ones before it have been answered
  const due = start + (n * 1000) / Number(perSecond);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  const key = randomUUID();
  pending.push(post(n, key).then(() => (n % 10 === 0 ? post(n, key) : undefined)));
}
await Promise.all(pending);
console.log(JSON.stringify(counts));
