import { figuresOf, invoice, payment, registerCae, salaried, salary, statistics } from './testing/fixtures';

/** Alice, an entrepreneur salariée, invoiced 10,000.00 + VAT in January 2016… */
const aliceInvoiced = [registerCae(), ...salaried('alice', '2015-06-01'), invoice('alice', '2016-01-05', '10000.00', '2000.00')];
/** …and was paid at once. */
const paid = payment('alice', '2016-000001', '2016-01-20', '12000.00', '10000.00');

describe('payroll: gross mass, contributions, hours, full-time equivalents, average monthly gross', () => {
  it('given two salaries with payslip amounts, then the sums and the average per salary', () =>
    statistics(...aliceInvoiced, paid, salary('alice', '2016-01', '1500.00', { hours: '151.67', employee: '330.00', employer: '630.00' }))
      .when(salary('alice', '2016-02', '1000.00', { hours: '100', employee: '220.00', employer: '420.00' }))
      .then(async (docs) => {
        expect((await figuresOf(docs)).payroll).toEqual({
          grossMass: '2500.00',
          employeeContributions: '550.00',
          employerContributions: '1050.00',
          hoursPaid: '251.67',
          fte: '0.14',
          averageMonthlyGross: '1250.00',
        });
      }));

  it('given a salary at the CAE’s rates (22% and 42% by default), then its contributions count', () =>
    statistics(...aliceInvoiced, paid).when(salary('alice', '2016-01', '1000.00', { employee: '220.00', employer: '420.00', source: 'rates' })).then(async (docs) => {
      expect((await figuresOf(docs)).payroll).toMatchObject({ employeeContributions: '220.00', employerContributions: '420.00' });
    }));

  it('full-time equivalents are hours ÷ 1,820', () =>
    statistics(...aliceInvoiced, paid)
      .when(...['01', '02', '03', '04'].map((m) => salary('alice', `2016-${m}`, '1000.00', { hours: '455', employee: '220.00', employer: '420.00' })))
      .then(async (docs) => {
        expect((await figuresOf(docs)).payroll.fte).toBe('1.00');
      }));

  it('given the December salary paid in January, then it counts in the year of its period', () =>
    statistics(...aliceInvoiced, paid).when(salary('alice', '2016-12', '1000.00', { paidOn: '2017-01-05', employee: '220.00', employer: '420.00' })).then(async (docs) => {
      expect((await figuresOf(docs, 2016)).payroll.grossMass).toBe('1000.00');
      expect((await figuresOf(docs, 2017)).payroll.grossMass).toBe('0.00');
    }));

  it('given no salary, then the average is 0.00', () =>
    statistics(...aliceInvoiced).when(paid).then(async (docs) => {
      expect((await figuresOf(docs)).payroll).toMatchObject({ grossMass: '0.00', fte: '0.00', averageMonthlyGross: '0.00' });
    }));
});
