/** A card's Action.Execute button, as Teams would send it back. */
export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** The Action.Execute buttons of a card, wherever they sit (actions, columns, containers). */
export function cardButtons(card: unknown): CardButton[] {
  if (Array.isArray(card)) return card.flatMap(cardButtons);
  if (!card || typeof card !== 'object') return [];
  const element = card as Record<string, unknown>;
  const own =
    element.type === 'Action.Execute'
      ? [
          {
            title: String(element.title),
            verb: String(element.verb),
            data: (element.data ?? {}) as Record<string, unknown>,
          },
        ]
      : [];
  return [...own, ...Object.values(element).flatMap(cardButtons)];
}
