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
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useIdeaPageStyles } from './IdeaPage.styles';

export const REASON_MIN = 3;
export const REASON_MAX = 1000;

/**
 * Asks for a public reason (3–1,000 characters) before a decision: a rejected amendment, a
 * status, hiding. `optional`: the reason may stay empty. The server's refusal stays inside.
 */
export function ReasonDialog({
  title,
  explain,
  confirmLabel,
  optional = false,
  busy,
  error,
  children,
  onClose,
  onConfirm,
}: {
  title: string;
  explain: string;
  confirmLabel: string;
  optional?: boolean;
  busy: boolean;
  error: unknown;
  /** More fields above the reason. */
  children?: ReactNode;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const styles = useIdeaPageStyles();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const length = reason.trim().length;
  const wrong = (optional && length === 0 ? false : length < REASON_MIN) || length > REASON_MAX;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!wrong) onConfirm(reason.trim());
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.dialog}>
              <Text as="p" block>
                {explain}
              </Text>
              {children}
              <Field
                label={t('ideas.reason.label')}
                hint={t('ideas.reason.hint', { min: REASON_MIN, max: REASON_MAX })}
                required={!optional}
                validationState={tried && wrong ? 'error' : 'none'}
                validationMessage={
                  tried && wrong
                    ? t('ideas.reason.wrong', { min: REASON_MIN, max: REASON_MAX })
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
              <Button appearance="secondary" disabled={busy} onClick={onClose}>
                {t('ideas.cancel')}
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
