import { nextStartIndex, paginate, type HostPage } from '../../../lib/hipchat/pagination';

const page = (items: number, extra: Partial<HostPage> = {}): HostPage =>
  ({ items: Array.from({ length: items }, (_, i) => i), startIndex: 0, maxResults: 100, ...extra });

describe('nextStartIndex', () => {
  it('goes on after the items of the page while links.next is there', () => {
    expect(nextStartIndex(page(100, { links: { self: 's', next: 'n' } }), 0)).toBe(100);
    expect(nextStartIndex(page(40, { startIndex: 100, links: { self: 's', next: 'n' } }), 100)).toBe(140);
  });

  it('stops when links has no next', () => {
    expect(nextStartIndex(page(100, { links: { self: 's' } }), 0)).toBeUndefined();
  });

  it('without links, goes on after a full page and stops after a short one', () => {
    expect(nextStartIndex(page(100), 0)).toBe(100);
    expect(nextStartIndex(page(99), 0)).toBeUndefined();
    expect(nextStartIndex(page(10, { maxResults: 10 }), 0)).toBe(10);
  });

  it('stops on an empty page, and on a host that ignored the start index asked for', () => {
    expect(nextStartIndex(page(0, { links: { next: 'n' } }), 0)).toBeUndefined();
    expect(nextStartIndex(page(100, { startIndex: 0, links: { next: 'n' } }), 100)).toBeUndefined();
  });
});

describe('paginate', () => {
  it('asks for nothing until used', () => {
    const fetchPage = jest.fn();
    paginate(fetchPage);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it.each([[{ maxResults: 0 }], [{ maxResults: 1001 }], [{ maxResults: 2.5 }], [{ startIndex: -1 }]])('refuses %j', (options) => {
    expect(() => paginate(jest.fn(), options)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });
});
