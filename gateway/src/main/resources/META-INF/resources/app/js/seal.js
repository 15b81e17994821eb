// The leader checks the seal on the phone itself, as any auditor could: the SHA-256 of the exact
// content is the hash every signature sealed, and each seal verifies (Ed25519) with the key it names, as the
// suite publishes it, within that key's period. Nothing here trusts the service's own verification answer.
import { call, get } from './api.js';

const hex = bytes => [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join('');

/** The suite's sealing keys by id, each with the period it sealed in (a key rotation leaves earlier seals verifiable). */
async function publicKeys() {
  const keys = new Map();
  for (const { keyId, pem, validFrom, validUntil } of await get('/seal/public-keys')) {
    const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '')), c => c.charCodeAt(0));
    keys.set(keyId, { key: await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']), validFrom, validUntil });
  }
  return keys;
}

/** Whether the key sealed at that time: from validFrom (none: the beginning) until validUntil (none: still). */
const inPeriod = ({ validFrom, validUntil }, at) => (!validFrom || Date.parse(at) >= Date.parse(validFrom))
  && (!validUntil || Date.parse(at) < Date.parse(validUntil));

/** @return {hash, hashMatches, signatures: [{signature, valid}], valid} */
export async function verifyAgreement(agreement) {
  const canonical = (await call('GET', `/agreements/${agreement.id}/canonical-content`, { text: true })).data;
  const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  const keys = await publicKeys();
  const signatures = await Promise.all((await get(`/agreements/${agreement.id}/signatures`)).map(async signature => {
    const payload = JSON.parse(signature.sealedPayload);
    const seal = Uint8Array.from(atob(signature.seal), c => c.charCodeAt(0));
    const key = keys.get(signature.keyId);
    const sealed = !!key && inPeriod(key, payload.signedAt)
      && await crypto.subtle.verify({ name: 'Ed25519' }, key.key, seal, new TextEncoder().encode(signature.sealedPayload));
    return { signature, valid: sealed && payload.contentHash === hash && payload.agreementId === agreement.id };
  }));
  const hashMatches = hash === agreement.contentHash;
  return { hash, hashMatches, signatures, valid: hashMatches && signatures.length > 0 && signatures.every(s => s.valid) };
}
