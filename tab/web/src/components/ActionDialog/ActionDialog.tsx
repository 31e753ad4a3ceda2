import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useDialogStyles } from './ActionDialog.styles';

export interface ActionDialogProps {
  title: string;
  /** What the action does, above the fields. */
  explain?: string;
  confirmLabel: string;
  /** Nothing to confirm yet (nothing chosen, a field still empty). */
  confirmDisabled?: boolean;
  busy: boolean;
  error: unknown;
  children?: ReactNode;
  onClose: () => void;
  onConfirm: () => void;
}

/**
 * A dialog that asks what an action needs before it runs: its fields, a cancel and a confirm
 * button (both disabled while `busy`), and the server's refusal kept inside, beside the fields.
 * Confirming is a form's submit, so Enter in a one-line field confirms as the button does.
 */
export function ActionDialog({
  title,
  explain,
  confirmLabel,
  confirmDisabled = false,
  busy,
  error,
  children,
  onClose,
  onConfirm,
}: ActionDialogProps) {
  const { t } = useI18n();
  const styles = useDialogStyles();
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {explain && (
                <Text as="p" block>
                  {explain}
                </Text>
              )}
              {children}
              {error !== null && <ErrorBar error={error} refusal />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={busy} onClick={onClose}>
                {t('dialog.cancel')}
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || confirmDisabled}
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
