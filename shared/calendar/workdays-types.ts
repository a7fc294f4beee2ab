// The shape of a year's schedule: the days off and the weekend days worked (调休上班).
export interface HolidayYear {
  holidays: string[];
  workdays: string[];
}

export interface HolidayCalendar {
  years: Record<string, HolidayYear>;
}
