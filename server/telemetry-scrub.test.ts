import { scrubbedAttributes, scrubPath, scrubUrl } from './telemetry-scrub';

const OID = '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c60';

describe('telemetry scrubbing', () => {
  it('replaces conversation and activity ids in Bot Connector URLs', () => {
    expect(
      scrubUrl(
        `https://smba.trafficmanager.net/emea/v3/conversations/${encodeURIComponent(`a:1${OID}`)}/activities/1%3A9f`,
      ),
    ).toBe('https://smba.trafficmanager.net/emea/v3/conversations/:id/activities/:id');
  });

  it('keeps table names and drops entity keys and queries from store URLs', () => {
    expect(
      scrubUrl(
        `http://127.0.0.1:10002/devstoreaccount1/people(PartitionKey='b1f',RowKey='${OID}')?$select=a`,
      ),
    ).toBe('http://127.0.0.1:10002/devstoreaccount1/people(:id)');
    expect(scrubUrl(`https://acct.table.core.windows.net/people()?$filter=upn%20eq%20'x'`)).toBe(
      'https://acct.table.core.windows.net/people(:id)',
    );
  });

  it('templates API paths and is idempotent', () => {
    expect(scrubPath(`/api/v1/people/${OID}/data?as=giulia.ferri@comune-demo.example`)).toBe(
      '/api/v1/people/:id/data',
    );
    expect(scrubPath(scrubPath(`/x/${OID}`))).toBe('/x/:id');
  });

  it("drops the caller's address from server spans only", () => {
    const attributes = { 'client.address': '10.1.2.3', 'url.path': `/a/${OID}`, 'url.query': 'q' };
    expect(scrubbedAttributes(attributes, true)).toEqual({ 'url.path': '/a/:id' });
    expect(scrubbedAttributes({ 'network.peer.address': '10.1.2.3' }, false)).toBeUndefined();
  });
});
