import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import { saveSessionBeforeRedirect } from '../../../src/shared/session/index.js';

interface Recorder {
  events: string[];
  finishSave?: () => void;
}

function fakeExchange(sessionContent: Record<string, unknown> | undefined, recorder: Recorder) {
  const session =
    sessionContent &&
    Object.assign(Object.create(null) as Record<string, unknown>, sessionContent, {
      cookie: {},
      save(callback: (error?: Error) => void) {
        recorder.events.push('save started');
        recorder.finishSave = () => {
          recorder.events.push('save finished');
          callback();
        };
      },
    });
  // `save` is a method on express-session's prototype, not an own key: hide it like the real one.
  if (session) Object.defineProperty(session, 'save', { enumerable: false });
  const req = { session } as unknown as Request;
  const res = {
    redirect(...args: unknown[]) {
      recorder.events.push(`redirect ${args.join(' ')}`);
    },
  } as unknown as Response;
  return { req, res };
}

describe('saveSessionBeforeRedirect', () => {
  it('when the session holds something, then the redirect waits until the session is stored', () => {
    const recorder: Recorder = { events: [] };
    const { req, res } = fakeExchange({ authenticatedAt: 1 }, recorder);
    saveSessionBeforeRedirect(req, res, (() => undefined) as NextFunction);
    res.redirect(303, '/konto');
    assert.deepEqual(recorder.events, ['save started']);
    recorder.finishSave?.();
    assert.deepEqual(recorder.events, ['save started', 'save finished', 'redirect 303 /konto']);
  });

  it('when the session is empty, then nothing is stored and the redirect goes at once', () => {
    const recorder: Recorder = { events: [] };
    const { req, res } = fakeExchange({}, recorder);
    saveSessionBeforeRedirect(req, res, (() => undefined) as NextFunction);
    res.redirect(303, '/');
    assert.deepEqual(recorder.events, ['redirect 303 /']);
  });
});
