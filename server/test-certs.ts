import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throw-away CA with a server certificate for 127.0.0.1 and client certificates, generated with openssl
 * into a temp folder during the test (never committed).
 */
export interface TestCerts {
  dir: string;
  caCert: string;
  serverKey: string;
  serverCert: string;
  clientKeyPath: string;
  clientCertPath: string;
  caCertPath: string;
  strangerKeyPath: string;
  strangerCertPath: string;
}

function openssl(dir: string, args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function ecKey(dir: string, name: string) {
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
}

function selfSignedCa(dir: string, name: string) {
  ecKey(dir, name);
  openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-key',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
  ]);
}

function signed(dir: string, name: string, ca: string, extensions: string) {
  ecKey(dir, name);
  openssl(dir, ['req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
  ]);
}

export function generateTestCerts(dir: string): TestCerts {
  selfSignedCa(dir, 'test-ca');
  selfSignedCa(dir, 'other-ca');
  signed(dir, 'server', 'test-ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed(dir, 'client', 'test-ca', 'extendedKeyUsage=clientAuth\n');
  signed(dir, 'stranger', 'other-ca', 'extendedKeyUsage=clientAuth\n');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    dir,
    caCert: read('test-ca.crt'),
    serverKey: read('server.key'),
    serverCert: read('server.crt'),
    caCertPath: join(dir, 'test-ca.crt'),
    clientKeyPath: join(dir, 'client.key'),
    clientCertPath: join(dir, 'client.crt'),
    strangerKeyPath: join(dir, 'stranger.key'),
    strangerCertPath: join(dir, 'stranger.crt'),
  };
}
