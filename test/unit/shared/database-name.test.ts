import assert from 'node:assert/strict';
import { APP_DATABASE_NAME, databaseNameFor } from '../../../src/shared/db/index.js';

describe('database name', () => {
  it('when the URI names no database (the embedded one), then the app database is used, not the driver default', () => {
    assert.equal(APP_DATABASE_NAME, 'brobygning');
    assert.equal(
      databaseNameFor('mongodb://127.0.0.1:40123/?directConnection=true', APP_DATABASE_NAME),
      'brobygning',
    );
    assert.equal(databaseNameFor('mongodb://127.0.0.1:40123', APP_DATABASE_NAME), 'brobygning');
  });

  it('when MONGODB_URI names its own database, then that name is kept', () => {
    assert.equal(
      databaseNameFor('mongodb://db1:27017,db2:27017/kommune_prod?replicaSet=rs0', APP_DATABASE_NAME),
      'kommune_prod',
    );
    assert.equal(
      databaseNameFor(
        'mongodb+srv://user:pass@cluster0.example.mongodb.net/brobygning_test?retryWrites=true',
        'x',
      ),
      'brobygning_test',
    );
  });

  it('when no fallback is given (tests that pick their own), then the driver decides', () => {
    assert.equal(databaseNameFor('mongodb://127.0.0.1:40123/'), undefined);
  });
});
