import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { useDialogStyles } from '../ActionDialog/ActionDialog.styles';

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  confirmLabel: string;
  dismissLabel: string;
  busy: boolean;
  onConfirm: () => void;
  children: ReactNode;
}

/** An alert dialog that asks before an operation people cannot take back. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const styles = useDialogStyles();
  return (
    <Dialog
      modalType="alert"
      open={props.open}
      onOpenChange={(_event, data) => props.onOpenChange(data.open)}
    >
      <DialogTrigger disableButtonEnhancement>{props.trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>{props.children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" disabled={props.busy}>
                {props.dismissLabel}
              </Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={props.onConfirm}
              disabled={props.busy}
              icon={props.busy ? <Spinner size="tiny" /> : undefined}
            >
              {props.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
