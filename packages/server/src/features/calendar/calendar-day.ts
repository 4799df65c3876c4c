/** One day that departs from the weekly rhythm: a holiday on a weekday or a working weekend. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** 'package': the bundled official list; 'admin': entered by an administrator. */
  source: 'package' | 'admin';
}
