// The leader checks the seal on the phone itself, as any auditor could: the SHA-256 of the exact
// content is the hash every signature sealed, and each seal verifies (Ed25519) with the key the
// suite publishes. Nothing here trusts the service's own verification answer.
import { call, get } from './api.js';

const hex = bytes => [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join('');

async function publicKey() {
  const { pem } = await get('/seal/public-key');
  const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '')), c => c.charCodeAt(0));
  return crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
}

/** @return {hash, hashMatches, signatures: [{signature, valid}], valid} */
export async function verifyAgreement(agreement) {
  const canonical = (await call('GET', `/agreements/${agreement.id}/canonical-content`, { text: true })).data;
  const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  const key = await publicKey();
  const signatures = await Promise.all((await get(`/agreements/${agreement.id}/signatures`)).map(async signature => {
    const payload = JSON.parse(signature.sealedPayload);
    const seal = Uint8Array.from(atob(signature.seal), c => c.charCodeAt(0));
    const sealed = await crypto.subtle.verify({ name: 'Ed25519' }, key, seal, new TextEncoder().encode(signature.sealedPayload));
    return { signature, valid: sealed && payload.contentHash === hash && payload.agreementId === agreement.id };
  }));
  const hashMatches = hash === agreement.contentHash;
  return { hash, hashMatches, signatures, valid: hashMatches && signatures.length > 0 && signatures.every(s => s.valid) };
}
