import { COMMAND_SPECS } from '../server/registry';
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

  it.each(['<at>óiBO</at> aiuto', '@óiBO aiuto', '@oibo aiuto', ' @ÓIBO: aiuto'])(
    'matches %j without the mention, marked or typed',
    (text) => {
      expect(findCommand(commands, text)?.id).toBe('help');
    },
  );

  it('keeps a word that only starts like the bot', () => {
    expect(findCommand(commands, '@oibosa aiuto')).toBeUndefined();
  });
});

describe("the bot's commands", () => {
  it.each([
    ['ciao', 'help'],
    ['Buongiorno óiBO!', 'help'],
    ['hello', 'help'],
    ['cosa sai fare?', 'help'],
    ['voglio vedere i miei risultati', 'results'],
    ["com'è andato il questionario? fammi vedere il risultato", 'results'],
    ['can I see my results please', 'results'],
    ['posso rifare il questionario?', 'assessment'],
    ['vorrei compilare l’autovalutazione', 'assessment'],
    ['vorrei scaricare i miei dati', 'export'],
    ['cancellare i miei dati', 'erase'],
    ['vorrei eliminare le mie risposte', 'erase'],
    ['please delete my data', 'erase'],
    ['delete my data', 'erase'],
  ])('understands %j', (text, id) => {
    expect(findCommand(COMMAND_SPECS, text)?.id).toBe(id);
  });

  it.each(['cancellare i miei risultati', 'elimina i dati del questionario'])(
    'never reads a request to delete (%j) as one to show',
    (text) => {
      expect(findCommand(COMMAND_SPECS, text)?.id).toBe('erase');
    },
  );

  it.each(['quando è la mensa?', 'grazie', 'ciao a tutti, domani riunione'])(
    'does not guess a command in %j',
    (text) => {
      expect(findCommand(COMMAND_SPECS, text)).toBeUndefined();
    },
  );
});
