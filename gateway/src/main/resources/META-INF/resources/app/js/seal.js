// The leader checks the seal on the phone itself, as any auditor could: the SHA-256 of the exact
// content is the hash every signature sealed, and each seal verifies (Ed25519) with the key it names, as the
// suite publishes it, within that key's period. Nothing here trusts the service's own verification answer,
// but for SM2 seals, which browsers cannot check (WebCrypto has no SM2): those say they were checked by the service.
import { call, get } from './api.js';

const hex = bytes => [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join('');

/** The suite's sealing keys by id, each with the period it sealed in (a key rotation leaves earlier seals verifiable). */
async function publicKeys() {
  const keys = new Map();
  for (const { algorithm, keyId, pem, validFrom, validUntil } of await get('/seal/public-keys')) {
    const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '')), c => c.charCodeAt(0));
    // browsers have no SM2: those seals are left to the service's check, and said to be
    const key = algorithm === 'Ed25519' ? await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']) : null;
    keys.set(keyId, { algorithm, key, validFrom, validUntil });
  }
  return keys;
}

/** Whether the key sealed at that time: from validFrom (none: the beginning) until validUntil (none: still). */
const inPeriod = ({ validFrom, validUntil }, at) => (!validFrom || Date.parse(at) >= Date.parse(validFrom))
  && (!validUntil || Date.parse(at) < Date.parse(validUntil));

/** @return {hash, hashMatches, signatures: [{signature, valid, checkedBy: 'phone'|'service', algorithm}], valid} */
export async function verifyAgreement(agreement) {
  const canonical = (await call('GET', `/agreements/${agreement.id}/canonical-content`, { text: true })).data;
  const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  const keys = await publicKeys();
  let byService = null;
  const signatures = await Promise.all((await get(`/agreements/${agreement.id}/signatures`)).map(async signature => {
    const payload = JSON.parse(signature.sealedPayload);
    const seal = Uint8Array.from(atob(signature.seal), c => c.charCodeAt(0));
    const key = keys.get(signature.keyId);
    let sealed = !!key && inPeriod(key, payload.signedAt);
    if (sealed && key.key) {
      sealed = await crypto.subtle.verify({ name: 'Ed25519' }, key.key, seal, new TextEncoder().encode(signature.sealedPayload));
    } else if (sealed) {
      byService ??= get(`/agreements/${agreement.id}/verification`);
      sealed = (await byService).signatures.some(c => c.signatureId === signature.id && c.sealCheck === 'VALID');
    }
    return { signature, valid: sealed && payload.contentHash === hash && payload.agreementId === agreement.id,
      checkedBy: key?.key ? 'phone' : 'service', algorithm: key?.algorithm };
  }));
  const hashMatches = hash === agreement.contentHash;
  return { hash, hashMatches, signatures, valid: hashMatches && signatures.length > 0 && signatures.every(s => s.valid) };
}
