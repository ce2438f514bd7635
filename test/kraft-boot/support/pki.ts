// cert-manager's part, done with openssl: the Secrets that the Certificates of a cluster folder
// would get, issued from their own spec (subject, SANs, key algorithm, size and encoding, usages,
// duration, isCA) by the issuer they name (selfSigned, or ca: the CA Secret its Certificate made),
// with the keys cert-manager writes: tls.crt (the leaf; the chain without its self-signed root),
// tls.key, ca.crt (the issuing CA; for a self-signed certificate, itself).
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Manifest } from '../../support';
import { all, durationHours } from './manifests';

export type SecretData = Record<string, string>;

/** cert-manager's usage names (`KeyUsage` in cert-manager.io/v1) as openssl extension values. */
const KEY_USAGES: Record<string, string> = {
  'signing': 'digitalSignature', 'digital signature': 'digitalSignature', 'content commitment': 'nonRepudiation',
  'key encipherment': 'keyEncipherment', 'key agreement': 'keyAgreement', 'data encipherment': 'dataEncipherment',
  'cert sign': 'keyCertSign', 'crl sign': 'cRLSign', 'encipher only': 'encipherOnly', 'decipher only': 'decipherOnly',
};
const EXT_KEY_USAGES: Record<string, string> = {
  'any': 'anyExtendedKeyUsage', 'server auth': 'serverAuth', 'client auth': 'clientAuth', 'code signing': 'codeSigning',
  'email protection': 'emailProtection', 's/mime': 'emailProtection', 'timestamping': 'timeStamping', 'ocsp signing': 'OCSPSigning',
};

function openssl(args: string[], input?: string): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

interface KeyPair { readonly keyFile: string; readonly certFile: string; readonly digest: string[] }

/** Issues the Certificates of a cluster folder as cert-manager would, into `work`. */
export class CertManager {
  private readonly issued = new Map<string, SecretData>();
  private readonly pairs = new Map<string, KeyPair>();

  public constructor(private readonly objects: readonly Manifest[], private readonly work: string) {
    mkdirSync(work, { recursive: true });
  }

  /** The data of Secret `namespace/name` as cert-manager writes it from the Certificate that names it. */
  public secret(namespace: string, name: string): SecretData {
    const key = `${namespace}/${name}`;
    const done = this.issued.get(key);
    if (done !== undefined) return done;
    const certificate = all(this.objects, 'Certificate').find((c) => c.metadata.namespace === namespace && c.spec.secretName === name);
    if (certificate === undefined) throw new Error(`no Certificate in the manifests writes Secret ${key}`);
    const data = this.issue(certificate);
    this.issued.set(key, data);
    return data;
  }

  /** The Certificate's subject and extensions, exactly from its spec. */
  public describe(certificate: Manifest): { subject: string; sans: string[]; extensions: string[] } {
    const spec = certificate.spec;
    const subject = this.subject(spec);
    const sans = [
      ...(spec.dnsNames ?? []).map((d: string) => `DNS:${d}`),
      ...(spec.ipAddresses ?? []).map((d: string) => `IP:${d}`),
      ...(spec.uris ?? []).map((d: string) => `URI:${d}`),
      ...(spec.emailAddresses ?? []).map((d: string) => `email:${d}`),
    ];
    const usages: string[] = spec.usages ?? ['digital signature', 'key encipherment'];
    const unknown = usages.filter((u) => KEY_USAGES[u] === undefined && EXT_KEY_USAGES[u] === undefined);
    if (unknown.length > 0) throw new Error(`Certificate ${certificate.metadata.name}: unknown usages ${unknown.join(', ')}`);
    const ku = [...new Set([...usages.filter((u) => KEY_USAGES[u]).map((u) => KEY_USAGES[u]), ...(spec.isCA ? ['keyCertSign'] : [])])];
    const eku = [...new Set(usages.filter((u) => EXT_KEY_USAGES[u]).map((u) => EXT_KEY_USAGES[u]))];
    // Go's x509 (cert-manager) marks basicConstraints and keyUsage critical.
    const extensions = [
      `basicConstraints=critical,CA:${spec.isCA ? 'TRUE' : 'FALSE'}`,
      ...(ku.length > 0 ? [`keyUsage=critical,${ku.join(',')}`] : []),
      ...(eku.length > 0 ? [`extendedKeyUsage=${eku.join(',')}`] : []),
      ...(sans.length > 0 ? [`subjectAltName=${sans.join(',')}`] : []),
      'subjectKeyIdentifier=hash',
    ];
    return { subject, sans, extensions };
  }

  private subject(spec: any): string {
    const part = (k: string, v: string) => `/${k}=${v.replace(/([/+\\])/g, '\\$1')}`;
    const s = spec.subject ?? {};
    const known = new Set(['organizations', 'organizationalUnits', 'countries', 'provinces', 'localities', 'streetAddresses', 'postalCodes', 'serialNumber']);
    const unknown = Object.keys(s).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new Error(`subject fields not supported here: ${unknown.join(', ')}`);
    return [
      ...(s.countries ?? []).map((v: string) => part('C', v)),
      ...(s.provinces ?? []).map((v: string) => part('ST', v)),
      ...(s.localities ?? []).map((v: string) => part('L', v)),
      ...(s.streetAddresses ?? []).map((v: string) => part('street', v)),
      ...(s.postalCodes ?? []).map((v: string) => part('postalCode', v)),
      ...(s.organizations ?? []).map((v: string) => part('O', v)),
      ...(s.organizationalUnits ?? []).map((v: string) => part('OU', v)),
      ...(s.serialNumber ? [part('serialNumber', s.serialNumber)] : []),
      ...(spec.commonName ? [part('CN', spec.commonName)] : []),
    ].join('') || '/';
  }

  private issue(certificate: Manifest): SecretData {
    const spec = certificate.spec;
    const ns = certificate.metadata.namespace!;
    const name = certificate.metadata.name;
    const dir = join(this.work, `${ns}.${name}`);
    mkdirSync(dir, { recursive: true });
    const keyFile = join(dir, 'tls.key');
    const { algorithm = 'RSA', size, encoding = 'PKCS1' } = spec.privateKey ?? {};
    let digest: string[];
    if (algorithm === 'ECDSA') {
      const bits = size ?? 256;
      const curve = ({ 256: 'P-256', 384: 'P-384', 521: 'P-521' } as Record<number, string>)[bits];
      if (curve === undefined) throw new Error(`Certificate ${name}: ECDSA size ${bits}`);
      openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', keyFile]);
      digest = [bits === 256 ? '-sha256' : bits === 384 ? '-sha384' : '-sha512'];
    } else if (algorithm === 'RSA') {
      openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${size ?? 2048}`, '-out', keyFile]);
      digest = ['-sha256'];
    } else if (algorithm === 'Ed25519') {
      openssl(['genpkey', '-algorithm', 'ED25519', '-out', keyFile]);
      digest = [];
    } else {
      throw new Error(`Certificate ${name}: key algorithm ${algorithm}`);
    }
    // genpkey writes PKCS#8 (BEGIN PRIVATE KEY); PKCS1 is the algorithm's traditional form.
    const key = encoding === 'PKCS8' ? readFileSync(keyFile, 'utf8')
      : openssl([algorithm === 'ECDSA' ? 'ec' : 'rsa', '-in', keyFile, ...(algorithm === 'RSA' ? ['-traditional'] : [])]);
    const { subject, extensions } = this.describe(certificate);
    const cnf = join(dir, 'openssl.cnf');
    const signer = this.issuerOf(certificate);
    writeFileSync(cnf, `[req]\ndistinguished_name=dn\n[dn]\n[ext]\n${extensions.join('\n')}\n${signer === 'self' ? '' : 'authorityKeyIdentifier=keyid\n'}`);
    const days = String(Math.ceil(durationHours(spec.duration ?? '2160h') / 24));
    // cert-manager's serials are 128 random bits.
    const serial = `0x${(randomBytes(16)[0] & 0x7f).toString(16).padStart(2, '0')}${randomBytes(15).toString('hex')}`;
    const certFile = join(dir, 'tls.crt');
    const csr = join(dir, 'tls.csr');
    openssl(['req', '-new', '-key', keyFile, '-subj', subject, '-out', csr, '-config', cnf]);
    if (signer === 'self') {
      openssl(['x509', '-req', '-in', csr, '-signkey', keyFile, '-set_serial', serial, '-days', days, ...digest, '-extfile', cnf, '-extensions', 'ext', '-out', certFile]);
    } else {
      openssl(['x509', '-req', '-in', csr, '-CA', signer.certFile, '-CAkey', signer.keyFile, '-set_serial', serial, '-days', days, ...signer.digest, '-extfile', cnf, '-extensions', 'ext', '-out', certFile]);
    }
    this.pairs.set(`${ns}/${spec.secretName}`, { keyFile, certFile, digest });
    const crt = readFileSync(certFile, 'utf8');
    // A self-signed certificate is its own CA; a CA issuer's ca.crt is its root (here the CA
    // Secret's ca.crt), and tls.crt carries the chain up to, not including, a self-signed root.
    if (signer === 'self') return { 'tls.crt': crt, 'tls.key': key, 'ca.crt': crt };
    const caSecret = this.issued.get(signer.secret)!;
    const caIsRoot = caSecret['ca.crt'] === caSecret['tls.crt'];
    return { 'tls.crt': caIsRoot ? crt : crt + caSecret['tls.crt'], 'tls.key': key, 'ca.crt': caSecret['ca.crt'] };
  }

  private issuerOf(certificate: Manifest): 'self' | (KeyPair & { secret: string }) {
    const ref = certificate.spec.issuerRef;
    const ns = certificate.metadata.namespace!;
    const issuer = ref.kind === 'ClusterIssuer'
      ? all(this.objects, 'ClusterIssuer').find((i) => i.metadata.name === ref.name)
      : all(this.objects, 'Issuer').find((i) => i.metadata.name === ref.name && i.metadata.namespace === ns);
    if (issuer === undefined) throw new Error(`Certificate ${certificate.metadata.name}: issuer ${ref.kind}/${ref.name} is not in the manifests`);
    if (issuer.spec.selfSigned !== undefined) return 'self';
    if (issuer.spec.ca !== undefined) {
      // A ClusterIssuer reads its Secret from cert-manager's cluster resource namespace.
      const secretNs = issuer.kind === 'ClusterIssuer' ? 'cert-manager' : ns;
      this.secret(secretNs, issuer.spec.ca.secretName);
      return { ...this.pairs.get(`${secretNs}/${issuer.spec.ca.secretName}`)!, secret: `${secretNs}/${issuer.spec.ca.secretName}` };
    }
    throw new Error(`Certificate ${certificate.metadata.name}: issuer ${issuer.metadata.name} is neither selfSigned nor ca`);
  }
}
