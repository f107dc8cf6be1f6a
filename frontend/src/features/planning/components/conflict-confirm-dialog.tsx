import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { useDescribeConflict, type Conflict } from '@/lib/conflict-text';
import { useLocale } from '@/lib/i18n/use-locale';

export interface ConflictProposal {
  action: 'invite' | 'move';
  conflicts: Conflict[];
  confirm: () => void;
  cancel: () => void;
}

/**
 * Before an invitation or a move that would create conflicts (POST /assignments/check):
 * the conflicts, in the catalog's words, and a choice to go on or cancel. The shared
 * ConfirmDialog (focus trapped, Escape cancels, labelled by its title).
 */
export function ConflictConfirmDialog({ proposal }: { proposal: ConflictProposal | null }) {
  const { t } = useLocale();
  const describe = useDescribeConflict();
  const conflicts = proposal?.conflicts ?? [];
  const action = proposal?.action ?? 'invite';
  return (
    <ConfirmDialog
      open={proposal !== null}
      title={t(action === 'move' ? 'check_title_move' : 'check_title_invite')}
      description={
        <>
          <p>{t('check_intro', { count: conflicts.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-4">
            {conflicts.map((conflict, index) => (
              <li key={index}>
                <span className="font-medium">{t(`conflict_kind_${conflict.kind}`)}</span>
                {t('separator')}
                {describe(conflict)}
              </li>
            ))}
          </ul>
        </>
      }
      confirmLabel={t(action === 'move' ? 'check_confirm_move' : 'check_confirm_invite')}
      cancelLabel={t('action_cancel')}
      onConfirm={() => proposal?.confirm()}
      onCancel={() => proposal?.cancel()}
    />
  );
}
