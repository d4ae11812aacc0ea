import assert from 'node:assert/strict';
import request from 'supertest';
import { buildTestApp } from '../../helpers/test-app.js';

describe('front page', () => {
  it('when a visitor has no preference, then the page is in Danish with lang="da"', async () => {
    const response = await request(buildTestApp()).get('/');
    assert.equal(response.status, 200);
    assert.match(response.text, /<html lang="da">/);
    assert.match(response.text, /<h1>Den voksne, et barn har brug for/);
    assert.match(response.text, /Read in English/);
  });

  it('when the browser asks for English, then the page is in English with lang="en"', async () => {
    const response = await request(buildTestApp()).get('/').set('Accept-Language', 'en-GB,en;q=0.9');
    assert.match(response.text, /<html lang="en">/);
    assert.match(response.text, /<h1>The adult a child needs/);
    assert.match(response.headers.vary ?? '', /Accept-Language/);
  });

  it('when the visitor chose Danish, then that choice beats the browser language', async () => {
    const response = await request(buildTestApp())
      .get('/')
      .set('Accept-Language', 'en')
      .set('Cookie', 'lang=da');
    assert.match(response.text, /<html lang="da">/);
  });

  it('when the language cookie holds an unknown value, then it is ignored', async () => {
    const response = await request(buildTestApp()).get('/').set('Cookie', 'lang=xx');
    assert.match(response.text, /<html lang="da">/);
  });

  it('when rendered, then it speaks to each of the four audiences', async () => {
    const { text } = await request(buildTestApp()).get('/');
    for (const heading of [
      'Frivillige',
      'Foreninger, virksomheder og kirker',
      'Socialrådgivere',
      'Kommuner',
    ]) {
      assert.ok(text.includes(`<h3>${heading}</h3>`), `missing audience ${heading}`);
    }
  });

  it('when rendered, then each audience card leads somewhere real and nothing says "coming soon"', async () => {
    const app = buildTestApp();
    const { text } = await request(app).get('/');
    assert.ok(!text.includes('Kommer snart'));
    const cards = [...text.matchAll(/<a class="button" href="([^"]+)">([^<]+)<\/a>/g)];
    assert.deepEqual(
      cards.map(([, href, label]) => [href, label]),
      [
        ['/tilmeld', 'Bliv frivillig'],
        ['/forening/ny', 'Registrér jeres organisation'],
        ['/log-ind', 'Log ind som socialrådgiver'],
        ['/log-ind', 'Log ind som kommune'],
      ],
    );
    for (const [, href] of cards) {
      const response = await request(app).get(href);
      // Registering an organisation needs an account: a visitor is sent to log in (or sign up) first.
      assert.ok([200, 302, 303].includes(response.status), `${href} answered ${response.status}`);
    }
  });

  it('when rendered, then the footer links to the accessibility statement', async () => {
    const { text } = await request(buildTestApp()).get('/');
    assert.match(text, /<a href="\/tilgaengelighed">Tilgængelighedserklæring<\/a>/);
  });

  it('when rendered, then the page has no inline script or style that the CSP would block', async () => {
    const { text } = await request(buildTestApp()).get('/');
    assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/i);
    assert.doesNotMatch(text, /\sstyle=/i);
    assert.doesNotMatch(text, /\son[a-z]+=/i);
  });
});

describe('accessibility statement', () => {
  it('when requested, then it renders in Danish with its date in da-DK format', async () => {
    const response = await request(buildTestApp()).get('/tilgaengelighed');
    assert.equal(response.status, 200);
    assert.match(response.text, /<h1>Tilgængelighedserklæring for Brobygning<\/h1>/);
    assert.match(response.text, /senest opdateret 22\. november 2026/);
  });

  it('when requested in English, then it renders in English', async () => {
    const response = await request(buildTestApp()).get('/tilgaengelighed').set('Cookie', 'lang=en');
    assert.match(response.text, /Accessibility statement for Brobygning/);
    assert.match(response.text, /last updated on 22 November 2026/);
  });
});

describe('language switch', () => {
  it('when a visitor follows the English link, then a cookie is set and they return to the page', async () => {
    const response = await request(buildTestApp()).get('/sprog/en?tilbage=%2Ftilgaengelighed');
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/tilgaengelighed');
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^lang=en;/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });

  it('when the return path points to another site, then the visitor goes to the front page instead', async () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const response = await request(buildTestApp()).get(`/sprog/da?tilbage=${encodeURIComponent(target)}`);
      assert.equal(response.headers.location, '/', `for ${target}`);
    }
  });

  it('when the language is not supported, then the answer is 404 and no cookie is set', async () => {
    const response = await request(buildTestApp()).get('/sprog/de');
    assert.equal(response.status, 404);
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('when the page links to the other language, then the link returns to the current page', async () => {
    const { text } = await request(buildTestApp()).get('/tilgaengelighed?x=1');
    assert.match(text, /href="\/sprog\/en\?tilbage&#x3D;%2Ftilgaengelighed%3Fx%3D1"/);
  });
});
