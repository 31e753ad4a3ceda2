import { useState } from 'react';
import type { FacilitatorRound, ShortlistChange } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { PersonPicker, type PickedPerson } from '../PersonPicker/PersonPicker';
import { ReasonDialog } from '../ReasonDialog/ReasonDialog';

/** The server's limit on the reason the audit log keeps. */
const REASON_MAX = 500;

/** Whom a hand change is about: a person on the list, or one to add, picked from the directory. */
export type Override =
  | { action: 'remove' | 'add'; objectId: string; displayName: string }
  | { action: 'add'; objectId: null; displayName: null };

/**
 * Adds or removes a person by hand, with the reason the audit log keeps (3–500 characters). The
 * server's refusal (an unknown person, no consent, a round already invited) stays in the dialog.
 */
export function OverrideDialog({
  roundId,
  override,
  onClose,
  onChanged,
}: {
  roundId: string;
  override: Override;
  onClose: () => void;
  onChanged: (round: FacilitatorRound) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const objectId = override.objectId ?? picked[0]?.objectId;
  const { busy, error, run } = useAction<'save'>();
  const title =
    override.displayName === null
      ? t('facilitators.override.addTitle')
      : t(`facilitators.override.${override.action}Title`, { name: override.displayName });

  const save = (reason: string) => {
    if (objectId === undefined) return;
    const change: ShortlistChange = { action: override.action, objectId, reason };
    void run('save', async () => onChanged(await api.changeShortlist(roundId, change)));
  };

  return (
    <ReasonDialog
      title={title}
      explain={t('facilitators.override.explain')}
      confirmLabel={t(`facilitators.override.${override.action}`)}
      max={REASON_MAX}
      complete={objectId !== undefined}
      busy={busy !== null}
      error={error}
      onClose={onClose}
      onConfirm={save}
    >
      {(tried) =>
        override.objectId === null && (
          <PersonPicker
            single
            label={t('facilitators.override.person')}
            hint={t('facilitators.override.personHint')}
            required
            picked={picked}
            onChange={setPicked}
            validationMessage={
              tried && objectId === undefined ? t('facilitators.override.personMissing') : undefined
            }
          />
        )
      }
    </ReasonDialog>
  );
}
