import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { MemoryStore } from 'hipchat-connect';
import { fakeInstallation, signRequest, testEvent } from 'hipchat-connect/testing';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { createWeatherAddon } from './weather-addon';

const installation = fakeInstallation(); // oauth-1, in room 42

describe('handlers, without HTTP', () => {
  const addon = createWeatherAddon({ store: new MemoryStore() });
  afterAll(() => addon.close());

  it('answers /weather with the forecast', async () => {
    const reply = await addon.receive(testEvent('room_message', '/weather Paris'), { installation });
    expect(reply).toEqual({ message: 'Sunny in Paris, @Tess', color: 'green', message_format: 'text' });
  });

  it('greets whoever enters', async () => {
    const payload = testEvent('room_enter', { sender: { name: 'Ada Lovelace' } });
    expect(await addon.receive(payload, { installation })).toEqual({ message: 'Welcome to Test Room, Ada Lovelace!' });
  });
});

describe('the webhook route, with signed requests', () => {
  const store = new MemoryStore();
  const addon = createWeatherAddon({ store });
  let server: Server;
  beforeAll(async () => {
    await store.storeInstallation(installation); // what the install flow would have stored
    server = await addon.listen({ port: 0 }); // a free port on 127.0.0.1
  });
  afterAll(async () => {
    server.close();
    await addon.close();
  });

  it.each(['header', 'header-token', 'query'] as const)('answers a webhook signed as a host signs it (%s)', async (form) => {
    const signed = signRequest(installation, { form });
    const response = await request(server).post('/webhooks/weather').set(signed.headers).query(signed.query)
      .send(testEvent('room_message', '/weather Oslo'));
    expect(response.status).toBe(200);
    expect(response.body.message).toBe('Sunny in Oslo, @Tess');
  });

  it('refuses a forged token, and a payload that breaks its schema', async () => {
    const forged = signRequest({ ...installation, oauthSecret: 'guessed' });
    const refused = await request(server).post('/webhooks/weather').set(forged.headers).send(testEvent('room_message', '/weather Oslo'));
    expect(refused.body.error.code).toBe('JWT_SIGNATURE_INVALID');
    const invalid = await request(server).post('/webhooks/weather').set(signRequest(installation).headers).send({ event: 'room_message' });
    expect(invalid.body.error.code).toBe('PAYLOAD_INVALID');
  });
});

describe('installed in the emulator, over real HTTP', () => {
  const addon = createWeatherAddon({ store: new MemoryStore(), development: true }); // development: accept a loopback host
  let server: Server;
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
    server = await addon.listen({ port: 0 }); // a free port on 127.0.0.1
  });
  afterAll(async () => {
    server.close();
    await addon.close();
    await emulator.close();
  });

  it('installs into a room and answers a slash command posted there', async () => {
    const { port } = server.address() as AddressInfo;
    const { oauthId } = await emulator.install({ descriptorUrl: `http://127.0.0.1:${port}/atlassian-connect.json`, roomId: 1 });
    const delivery = await emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather Lima' } }, user: 2 });
    expect(delivery.body).toEqual({ message: 'Sunny in Lima, @Grace', color: 'green', message_format: 'text' });
  });
});
