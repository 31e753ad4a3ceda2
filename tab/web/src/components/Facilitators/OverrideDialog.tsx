import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FacilitatorRound, ShortlistChange } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { PersonPicker, type PickedPerson } from '../PersonPicker/PersonPicker';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { REASON_MAX, REASON_MIN, reasonProblem } from './shortlist-view';

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
  const styles = useFacilitatorsStyles();
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const objectId = override.objectId ?? picked[0]?.objectId;
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useAction<'save'>();
  const problem = reasonProblem(reason);
  const missingPerson = objectId === undefined;
  const title =
    override.displayName === null
      ? t('facilitators.override.addTitle')
      : t(`facilitators.override.${override.action}Title`, { name: override.displayName });

  const save = () => {
    setTried(true);
    if (problem || objectId === undefined) return;
    const change: ShortlistChange = {
      action: override.action,
      objectId,
      reason: reason.trim(),
    };
    void run('save', async () => onChanged(await api.changeShortlist(roundId, change)));
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.dialog}>
              <Text as="p" block>
                {t('facilitators.override.explain')}
              </Text>
              {override.objectId === null && (
                <PersonPicker
                  single
                  label={t('facilitators.override.person')}
                  hint={t('facilitators.override.personHint')}
                  required
                  picked={picked}
                  onChange={setPicked}
                  validationMessage={
                    tried && missingPerson ? t('facilitators.override.personMissing') : undefined
                  }
                />
              )}
              <Field
                label={t('facilitators.override.reason')}
                hint={t('facilitators.override.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
                required
                validationState={tried && problem ? 'error' : 'none'}
                validationMessage={
                  tried && problem
                    ? t(`facilitators.override.reason.${problem}`, {
                        min: REASON_MIN,
                        max: REASON_MAX,
                      })
                    : undefined
                }
              >
                <Textarea
                  value={reason}
                  resize="vertical"
                  onChange={(_event, data) => setReason(data.value)}
                />
              </Field>
              {error !== null && <ErrorBar error={error} refusal />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={busy !== null} onClick={onClose}>
                {t('facilitators.override.cancel')}
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy !== null}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {t(`facilitators.override.${override.action}`)}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
