import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../event-store';

/** A CAE's chain head as a report states it, signed by the CAE's key when the server holds one. */
export interface ChainHead {
  position: number;
  hash: string;
  signature?: HeadSignature;
}

export interface HeadSignature {
  algorithm: 'Ed25519';
  /** The CAE's public key, DER (SubjectPublicKeyInfo) in base64: whoever checks the report needs nothing else. */
  publicKey: string;
  /** Ed25519 over the canonical JSON of `{ caeId, position, hash }`, base64. */
  value: string;
}

/** What is signed: the CAE and the head of its chain, nothing the signer could vary. */
const signedBytes = (caeId: string, head: { position: number; hash: string }): Buffer => Buffer.from(canonicalJson({ caeId, position: head.position, hash: head.hash }), 'utf8');

/** Where each CAE's Ed25519 private key lives: beside the key store, never in the log. */
export interface SigningKeys {
  /** The CAE's key, created on first use. */
  keyOf(caeId: string): KeyObject;
}

/** One PEM file per CAE in a folder of the data directory, readable by its owner only. */
export class FileSigningKeys implements SigningKeys {
  constructor(private readonly folder: string) {}

  keyOf(caeId: string): KeyObject {
    // caeIds are identifiers ([A-Za-z0-9_.:-]); the prefix keeps "." and ".." from naming a folder.
    const file = join(this.folder, `cae-${caeId}.pem`);
    if (existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': two processes creating the same key at once, the second reads the first's.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch {
      return createPrivateKey(readFileSync(file, 'utf8'));
    }
    return privateKey;
  }
}

export class InMemorySigningKeys implements SigningKeys {
  private readonly keys = new Map<string, KeyObject>();

  keyOf(caeId: string): KeyObject {
    let key = this.keys.get(caeId);
    if (key === undefined) this.keys.set(caeId, (key = generateKeyPairSync('ed25519').privateKey));
    return key;
  }
}

/** The head signed with the CAE's key (Ed25519 is deterministic: the same head, the same signature). */
export const signHead = (keys: SigningKeys, caeId: string, head: { position: number; hash: string }): ChainHead => {
  const privateKey = keys.keyOf(caeId);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { position: head.position, hash: head.hash, signature: { algorithm: 'Ed25519', publicKey, value: sign(null, signedBytes(caeId, head), privateKey).toString('base64') } };
};

/** Whether the signature is the CAE's key's over this head, by the public key the report carries. */
export const signatureHolds = (caeId: string, head: ChainHead): boolean => {
  const signature = head.signature;
  if (signature === undefined || signature.algorithm !== 'Ed25519') return false;
  try {
    const publicKey = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, signedBytes(caeId, head), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
};
