import type { ApiExchange } from 'hipchat-connect/emulator';
import { loadContract } from '../../support/openapi-contract';

const contract = loadContract();

const lobby = { id: 1, name: 'Lobby', links: { self: 'http://host/v2/room/1' } };
/** A page of a collection with what every page holds, around the items given. */
const pageOf = (items: unknown[]) => ({ items, startIndex: 0, maxResults: 100, links: { self: 'http://host/v2/any' } });

function exchange(overrides: Partial<ApiExchange>): ApiExchange {
  return { method: 'GET', path: '/v2/room/1', query: {}, requestBody: undefined, status: 200, responseBody: lobby, ...overrides };
}

const problems = (overrides: Partial<ApiExchange>) => contract.check(exchange(overrides)).map((violation) => `${violation.where}: ${violation.problem}`);

describe('the OpenAPI contract check', () => {
  it('accepts an exchange that follows the document', () => {
    expect(problems({})).toEqual([]);
  });

  it('finds the operation by its template, literal segments first', () => {
    expect(problems({ path: '/v2/room/My%20Room/history/latest', responseBody: pageOf([]) })).toEqual([]);
    expect(problems({ path: '/v2/room/1/nothing' })).toEqual([expect.stringMatching(/^request: no path of the document matches/)]);
    expect(problems({ method: 'PATCH' })).toEqual([expect.stringMatching(/^request: PATCH is not declared/)]);
  });

  it('checks the answer\'s status and body', () => {
    expect(problems({ status: 302 })).toEqual([expect.stringMatching(/^response: status 302 is not declared/)]);
    expect(problems({ responseBody: { ...lobby, id: 'one' } })).toEqual([expect.stringMatching(/^response: body of 200 \/id must be integer/)]);
    expect(problems({ responseBody: { id: 1 } })).toEqual([expect.stringMatching(/^response: body of 200 must have required property 'name'/)]);
    expect(problems({ method: 'DELETE', status: 204, responseBody: { surprise: true } })).toEqual([expect.stringMatching(/declares no body/)]);
  });

  it('translates nullable', () => {
    expect(problems({ responseBody: { ...lobby, guest_access_url: null } })).toEqual([]);
    expect(problems({ responseBody: { ...lobby, topic: null } })).toEqual([expect.stringMatching(/topic must be string/)]);
  });

  it('checks query parameters as their declared types, and request bodies', () => {
    expect(problems({ path: '/v2/room', query: { 'max-results': '1001' }, responseBody: pageOf([]) })).toEqual([expect.stringMatching(/^request: query parameter max-results must be <= 1000/)]);
    expect(problems({ path: '/v2/room', query: { 'include-private': 'yes' }, responseBody: pageOf([]) })).toEqual([expect.stringMatching(/include-private must be boolean/)]);
    const post = { method: 'POST', path: '/v2/room/1/notification', status: 204, responseBody: undefined };
    expect(problems({ ...post, requestBody: { message: 'hi', color: 'blue' } })).toEqual([expect.stringMatching(/^request: body \/color must be equal to one of the allowed values/)]);
    expect(problems({ ...post, requestBody: '{"message": ' })).toEqual(['request: body is not JSON']);
    expect(problems({ ...post, requestBody: undefined })).toEqual(['request: body is required']);
  });

  it('applies the overlay: a room message answers 201, and the REST API error body and auth_test fit every operation', () => {
    const message = { method: 'POST', path: '/v2/room/1/message', requestBody: { message: 'hi' } };
    expect(problems({ ...message, status: 201, responseBody: { id: 'm1', timestamp: '2026-01-01T00:00:00+00:00' } })).toEqual([]);
    expect(problems({ ...message, status: 200, responseBody: { id: 'm1' } })).toEqual([expect.stringMatching(/status 200 is not declared/)]);
    expect(problems({ status: 429, responseBody: { error: { code: 429, type: 'Too Many Requests', message: 'slow down' } } })).toEqual([]);
    expect(problems({ status: 401, responseBody: { error: 'invalid' } })).toEqual([expect.stringMatching(/^response: body of 401/)]);
    expect(problems({ status: 202, query: { auth_test: 'true', auth_token: 't' }, responseBody: undefined })).toEqual([]);
    expect(problems({ path: '/v2/addon/ui/room/1', method: 'POST', status: 204, requestBody: { glance: [] }, responseBody: undefined })).toEqual([expect.stringMatching(/glance must NOT have fewer than 1 items/)]);
  });

  it('holds a collection to what every page has: where it starts, its size and a link to itself', () => {
    expect(problems({ path: '/v2/room', responseBody: { items: [] } })).toEqual([
      "response: body of 200 must have required property 'startIndex'; must have required property 'maxResults'; must have required property 'links'",
    ]);
  });

  it('takes recent as a history date', () => {
    const history = (date: string) => problems({ path: '/v2/room/1/history', query: { date }, responseBody: pageOf([]) });
    expect(history('recent')).toEqual([]);
    expect(history('2026-01-01T00:00:00Z')).toEqual([]);
    expect(history('yesterday')).not.toEqual([]);
  });

  it('takes a notification\'s from as a plain name', () => {
    const history = (from: unknown) => problems({ path: '/v2/room/1/history', responseBody: pageOf([{ id: 'a', from, message: 'hi', date: '2026-01-01T00:00:00+00:00', type: 'notification' }]) });
    expect(history('Weather')).toEqual([]);
    expect(history({ id: 1, name: 'Ada', mention_name: 'Ada' })).toEqual([]);
    expect(history(7)).not.toEqual([]);
  });

  it('refuses query parameters the operation does not declare, which a host would ignore without a word', () => {
    expect(problems({ path: '/v2/room', query: { max_results: '5' }, responseBody: pageOf([]) })).toEqual(['request: query parameter max_results is not declared']);
    expect(problems({ path: '/v2/room/1/participant', query: { 'include-offline': 'true', 'start-index': '0' }, responseBody: pageOf([]) })).toEqual([]);
    expect(problems({ path: '/v2/room/1/webhook', query: { 'start-index': '0', 'max-results': '10' }, responseBody: pageOf([]) })).toEqual([]);
  });

  it('asks no body of a call made with auth_test=true, which the host only authorises', () => {
    const probe = { method: 'POST', path: '/v2/room/1/notification', status: 202, requestBody: undefined, responseBody: undefined };
    expect(problems({ ...probe, query: { auth_test: 'true' } })).toEqual([]);
    expect(problems({ ...probe, query: { auth_test: 'false' } })).toEqual(['request: body is required']);
  });

  it('checks a request alone, for a server whose answers are the test\'s own', () => {
    const request = { method: 'POST', path: '/v2/room/1/notification', query: {}, requestBody: { message: 'hi', color: 'blue' } };
    expect(contract.checkRequest(request).map((violation) => `${violation.where}: ${violation.problem}`))
      .toEqual([expect.stringMatching(/^request: body \/color must be equal to one of the allowed values/)]);
    expect(contract.checkRequest({ ...request, requestBody: { message: 'hi' } })).toEqual([]);
    expect(contract.checkRequest({ method: 'POST', path: '/v2/oauth/token', query: {}, requestBody: { grant_type: 'client_credentials', scope: 'view_room' } })).toEqual([]);
    expect(contract.checkRequest({ ...request, path: '/v2/room/1/statistics' })).toEqual([expect.objectContaining({ problem: expect.stringMatching(/no path of the document matches/) })]);
  });

  it('refuses paths outside the API', () => {
    expect(problems({ path: '/emulator/log' })).toEqual([expect.stringMatching(/outside the API/)]);
  });
});
