import { spawnSync } from 'child_process';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { KraftAdminPassword, KraftClientAuthentication, KraftPlainEnvironment, renderEnvironment } from '../../src';
import { all, expectValid, Manifest } from '../support';

// The SCRAM admin Secret of a KRaft cluster is named by the user and lands in every pod's Secret
// volume (secretName, items[].key) and in the README's `kubectl create secret` command: a name
// the API server or kubectl refuses fails at once, with the factory, the prop and the value.

/** The kraft-plain environment with an admin Secret of its own: its objects and README. */
function environment(adminPassword: KraftAdminPassword) {
  const env = new KraftPlainEnvironment(new App(), 'kraft', { kafka: { authentication: KraftClientAuthentication.scramSha512(adminPassword) } });
  const files = renderEnvironment(env);
  const objects: Manifest[] = Object.entries(files).filter(([f]) => f.startsWith('cluster/') && f.endsWith('.yaml') && !f.endsWith('kustomization.yaml'))
    .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS() as Manifest));
  return { objects, readme: files['README.md'] };
}

/** The words bash makes of `command` (no expansion is run: the command substitution is replaced first). */
function words(command: string): string[] {
  const script = `set -f; printf '%s\\0' ${command.replace('"$(openssl rand -base64 24)"', 'SECRET')}`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\0').slice(0, -1);
}

describe('KraftClientAuthentication.scramSha512(): the admin Secret\'s name and key', () => {
  test.each<[string, KraftAdminPassword, RegExp]>([
    ['an empty Secret name (secret volumes require secretName: validateSecretVolumeSource)', { secretName: '' }, /KraftClientAuthentication\.scramSha512\(\): adminPassword\.secretName must be lowercase alphanumerics, '-' and '\.'.*\(it names the Secret the pods mount\) \(got ""\); use e\.g\. 'events-admin'/],
    ['a Secret name kubectl refuses (not a DNS-1123 subdomain: ValidateSecretName)', { secretName: 'Admin_PW' }, /adminPassword\.secretName must be .*\(got "Admin_PW"\); use e\.g\. 'events-admin'/],
    ['a Secret name of 254 characters', { secretName: 'a'.repeat(254) }, /adminPassword\.secretName must be .*at most 253 characters/],
    ['a key with a space (not a Secret data key: IsConfigMapKey)', { secretName: 'admin-pw', key: 'a b' }, /KraftClientAuthentication\.scramSha512\(\): adminPassword\.key must be alphanumerics, '-', '_' and '\.', not '\.' or '\.\.'.*\(it is a key of the Secret's data\) \(got "a b"\); use e\.g\. 'password'/],
    ['an empty key', { secretName: 'admin-pw', key: '' }, /adminPassword\.key must be .*\(got ""\)/],
    ['the key ".."', { secretName: 'admin-pw', key: '..' }, /adminPassword\.key must be .*\(got "\.\."\)/],
    ['a key with a quote', { secretName: 'admin-pw', key: "it's" }, /adminPassword\.key must be .*\(got "it's"\)/],
  ])('fails on %s', (_, adminPassword, message) => {
    expect(() => KraftClientAuthentication.scramSha512(adminPassword)).toThrow(message);
  });

  test('the right values: a DNS-1123 subdomain and a data key reach both StatefulSets and the README command, word for word', () => {
    const { objects, readme } = environment({ secretName: 'kafka.admin-pw', key: 'Admin_PW.v1' });
    expectValid(objects);
    const statefulSets = all(objects, 'StatefulSet');
    expect(statefulSets.map((s) => s.metadata.name).sort()).toEqual(['events-broker', 'events-controller']);
    for (const s of statefulSets) {
      expect(s.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'admin').secret).toEqual({ secretName: 'kafka.admin-pw', items: [{ key: 'Admin_PW.v1', path: 'password' }], defaultMode: 0o400 });
    }
    const command = readme.split('\n').find((l) => l.includes('create secret generic'))!;
    expect(words(command)).toEqual(['kubectl', '-n', 'kafka', 'create', 'secret', 'generic', 'kafka.admin-pw', '--from-literal=Admin_PW.v1=SECRET']);
  });

  test('the default is the Secret <name>-admin with the key password, as before', () => {
    const { readme } = environment({ secretName: 'events-admin' });
    expect(readme).toContain('kubectl -n kafka create secret generic events-admin --from-literal=password="$(openssl rand -base64 24)"');
  });

  test('through the environment, the wrong value fails before anything is made', () => {
    expect(() => new KraftPlainEnvironment(new App(), 'kraft', { kafka: { authentication: KraftClientAuthentication.scramSha512({ secretName: '' }) } }))
      .toThrow(/KraftClientAuthentication\.scramSha512\(\): adminPassword\.secretName must be/);
  });
});
