import type { DecimalString, IsoDate } from '../values';

/**
 * The SMIC's hourly gross in metropolitan France, each row in force from its date until the next one.
 * Source: the yearly décrets portant relèvement du salaire minimum de croissance (and the automatic rises of
 * Dec 2011, Oct 2021, May and Aug 2022, May 2023, Nov 2024), as published in the Journal officiel.
 */
export interface SmicRow {
  from: IsoDate;
  hourly: DecimalString;
}

export const SMIC_HOURLY: readonly SmicRow[] = [
  { from: '2010-01-01', hourly: '8.86' },
  { from: '2011-01-01', hourly: '9.00' },
  { from: '2011-12-01', hourly: '9.19' },
  { from: '2012-01-01', hourly: '9.22' },
  { from: '2012-07-01', hourly: '9.40' },
  { from: '2013-01-01', hourly: '9.43' },
  { from: '2014-01-01', hourly: '9.53' },
  { from: '2015-01-01', hourly: '9.61' },
  { from: '2016-01-01', hourly: '9.67' },
  { from: '2017-01-01', hourly: '9.76' },
  { from: '2018-01-01', hourly: '9.88' },
  { from: '2019-01-01', hourly: '10.03' },
  { from: '2020-01-01', hourly: '10.15' },
  { from: '2021-01-01', hourly: '10.25' },
  { from: '2021-10-01', hourly: '10.48' },
  { from: '2022-01-01', hourly: '10.57' },
  { from: '2022-05-01', hourly: '10.85' },
  { from: '2022-08-01', hourly: '11.07' },
  { from: '2023-01-01', hourly: '11.27' },
  { from: '2023-05-01', hourly: '11.52' },
  { from: '2024-01-01', hourly: '11.65' },
  { from: '2024-11-01', hourly: '11.88' },
  { from: '2026-01-01', hourly: '12.02' },
];

/** The hourly SMIC in force on a day; undefined before the table starts (2010). */
export const smicOn = (date: IsoDate): SmicRow | undefined => SMIC_HOURLY.filter((row) => row.from <= date).at(-1);
