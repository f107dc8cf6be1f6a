import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { DateRangeDays, WEEKDAYS } from '@/components/date-range-days/date-range-days';

function Harness({ hidden = false }: { hidden?: boolean }) {
  const [from, setFrom] = useState('2027-07-01');
  const [to, setTo] = useState('2027-07-31');
  const [weekdays, setWeekdays] = useState<number[]>(WEEKDAYS);
  return (
    <>
      <DateRangeDays
        from={from}
        to={to}
        weekdays={weekdays}
        onFromChange={setFrom}
        onToChange={setTo}
        onWeekdaysChange={setWeekdays}
        hideWeekdaysLegend={hidden}
      />
      <output>{`${from}/${to}/${weekdays.join(',')}`}</output>
    </>
  );
}

describe('DateRangeDays', () => {
  it('keeps the weekdays sorted as they are unticked and ticked again', async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'lun' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'dim' }));
    expect(screen.getByRole('status')).toHaveTextContent('2027-07-01/2027-07-31/1,2,3,4,5');
    await userEvent.click(screen.getByRole('checkbox', { name: 'lun' }));
    expect(screen.getByRole('status')).toHaveTextContent('/0,1,2,3,4,5');
    expect(screen.getByRole('checkbox', { name: 'dim' })).not.toBeChecked();
  });

  it('changes both ends of the range and names the weekdays group, visibly or not', async () => {
    const { unmount } = render(<Harness />);
    const start = screen.getByLabelText('Du');
    await userEvent.clear(start);
    await userEvent.type(start, '2027-07-05');
    expect(screen.getByRole('status')).toHaveTextContent('2027-07-05/2027-07-31');
    expect(screen.getByRole('group', { name: 'Jours de la semaine' })).toBeVisible();
    unmount();
    render(<Harness hidden />);
    expect(screen.getByRole('group', { name: 'Jours de la semaine' }).querySelector('legend')).toHaveClass('sr-only');
  });
});
