import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../src/config/index.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

const productionEnv = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db/x',
  SESSION_SECRET: 's'.repeat(40),
  DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
  SMTP_URL: 'smtp://mail.example:587',
  PUBLIC_BASE_URL: 'https://brobygning.example.dk',
};

describe('configuration', () => {
  it('when nothing is set, then it uses the embedded FerretDB on port 3000 in development with demo content', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.env, 'development');
    assert.equal(config.embeddedDb, 'ferretdb');
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.seedDemo, true);
    assert.ok(config.dataDir.endsWith('/data/db'));
  });

  const badValues: Array<[string, Record<string, string>]> = [
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '3.5' }],
    ['MONGODB_URI', { MONGODB_URI: 'postgres://localhost/db' }],
    ['MONGODB_URI', { MONGODB_URI: 'not a uri' }],
    ['EMBEDDED_DB', { EMBEDDED_DB: 'sqlite' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['SEED_DEMO', { SEED_DEMO: 'maybe' }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'javascript:alert(1)' }],
  ];
  for (const [variable, env] of badValues) {
    it(`when ${variable}=${Object.values(env)[0]}, then start-up is refused naming ${variable}`, () => {
      const problems = problemsOf(env);
      assert.equal(problems.length, 1);
      assert.match(problems[0], new RegExp(`^${variable}: `));
    });
  }

  it('when several variables are bad, then every one is named', () => {
    const problems = problemsOf({ PORT: 'abc', MONGODB_URI: 'nope' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['MONGODB_URI', 'PORT']);
  });

  it('when MONGODB_URI is a replica-set or Atlas URI, then it is used unchanged', () => {
    const replicaSet = 'mongodb://a.example:27017,b.example:27017/brobygning?replicaSet=rs0&authSource=admin';
    assert.equal(loadConfig({ MONGODB_URI: replicaSet }).mongodbUri, replicaSet);
    const atlas =
      'mongodb+srv://user:secret@cluster0.example.mongodb.net/brobygning?retryWrites=true&w=majority';
    assert.equal(loadConfig({ MONGODB_URI: atlas }).mongodbUri, atlas);
  });

  it('when NODE_ENV=production, then demo content is never seeded, even if asked for', () => {
    const config = loadConfig({ ...productionEnv, SEED_DEMO: 'true' });
    assert.equal(config.seedDemo, false);
  });

  for (const variable of [
    'MONGODB_URI',
    'SESSION_SECRET',
    'DATA_ENCRYPTION_KEY',
    'SMTP_URL',
    'PUBLIC_BASE_URL',
  ]) {
    it(`when NODE_ENV=production without ${variable}, then start-up is refused naming ${variable}`, () => {
      const env: Record<string, string> = { ...productionEnv };
      delete env[variable];
      assert.deepEqual(problemsOf(env), [`${variable}: is required when NODE_ENV=production`]);
    });
  }

  it('when every production secret is given, then production starts without demo mode', () => {
    const config = loadConfig(productionEnv);
    assert.equal(config.env, 'production');
    assert.equal(config.demoMode, false);
    assert.equal(config.mail.mode, 'smtp');
    assert.equal(config.dataEncryptionKey.length, 32);
  });

  it('when demo mode is asked for in production, then start-up is refused', () => {
    assert.deepEqual(problemsOf({ ...productionEnv, DEMO_MODE: 'true' }), [
      'DEMO_MODE: cannot be on when NODE_ENV=production',
    ]);
  });

  it('when in development, then demo mode is on by default; in test it is off', () => {
    assert.equal(loadConfig({}).demoMode, true);
    assert.equal(loadConfig({ NODE_ENV: 'test' }).demoMode, false);
  });

  it('when a variable is empty, then its default applies', () => {
    assert.equal(loadConfig({ PORT: '' }).port, 3000);
  });
});
