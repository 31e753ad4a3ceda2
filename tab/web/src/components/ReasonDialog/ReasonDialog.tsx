import { Field, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog, type ActionDialogProps } from '../ActionDialog/ActionDialog';

const REASON_MIN = 3;
const REASON_MAX = 1_000;

/**
 * Asks for a reason (3 to `max` characters: 1,000 unless the server wants fewer) before a
 * decision: a rejected amendment, a status, hiding, a deletion, a hand change to a shortlist.
 * `optional`: the reason may stay empty. `complete`: whether the fields above the reason are
 * filled (a render function shows their messages once confirming was tried).
 */
export function ReasonDialog({
  max = REASON_MAX,
  optional = false,
  complete = true,
  children,
  onConfirm,
  ...dialog
}: Omit<ActionDialogProps, 'confirmDisabled' | 'children' | 'onConfirm'> & {
  max?: number;
  optional?: boolean;
  complete?: boolean;
  /** More fields above the reason. */
  children?: ReactNode | ((tried: boolean) => ReactNode);
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const length = reason.trim().length;
  const wrong = (optional && length === 0 ? false : length < REASON_MIN) || length > max;
  const limits = { min: REASON_MIN, max };
  return (
    <ActionDialog
      {...dialog}
      onConfirm={() => {
        setTried(true);
        if (!wrong && complete) onConfirm(reason.trim());
      }}
    >
      {typeof children === 'function' ? children(tried) : children}
      <Field
        label={t('dialog.reason.label')}
        hint={t('dialog.reason.hint', limits)}
        required={!optional}
        validationState={tried && wrong ? 'error' : 'none'}
        validationMessage={tried && wrong ? t('dialog.reason.wrong', limits) : undefined}
      >
        <Textarea
          value={reason}
          resize="vertical"
          onChange={(_event, data) => setReason(data.value)}
        />
      </Field>
    </ActionDialog>
  );
}
