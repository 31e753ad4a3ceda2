import { findCommand, normaliseCommandText, type Command } from './commands';

const command = (id: string, ...patterns: RegExp[]): Command => ({
  id,
  patterns,
  usageKey: 'help.usage',
  descriptionKey: 'help.description',
  run: async () => {},
});

describe('text commands', () => {
  const commands = [
    command('help', /^(help|aiuto)$/),
    command('results', /^(my results|i miei risultati)$/),
  ];

  it.each([
    ['Aiuto', 'help'],
    ['  help!  ', 'help'],
    ['I  miei\u00a0risultati?', 'results'],
    ['/help', 'help'],
  ])('matches %j', (text, id) => {
    expect(findCommand(commands, text)?.id).toBe(id);
  });

  it('matches whole commands only', () => {
    expect(findCommand(commands, 'help me with results')).toBeUndefined();
    expect(findCommand(commands, 'aiutooo')).toBeUndefined();
  });

  it('normalises case, spaces and surrounding punctuation', () => {
    expect(normaliseCommandText('  My   RESULTS.  ')).toBe('my results');
  });
});
