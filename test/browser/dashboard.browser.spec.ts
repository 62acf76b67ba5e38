import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { subtractMoney } from '../../libs/domain';
import { coodyssee2016, demoIdentities, generateHistory } from '../../libs/scenarios';
import { passwordOf } from '../support/accounts';
import { startHarness, type Harness } from '../e2e/api-harness';

/**
 * The dashboard in a real browser: Debian's Chromium (scripts/browser/chromium.sh installs it; CHROMIUM_PATH
 * names another), driven headless by playwright-core, against the API serving it on a real port.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!existsSync(executablePath)) {
  describe.skip(`dashboard in a browser — skipped: no Chromium at ${executablePath} (bash scripts/browser/chromium.sh installs Debian's)`, () => {
    it.skip('needs Chromium', () => undefined);
  });
} else {
  describe('dashboard in a browser', () => {
    let h: Harness;
    let browser: Browser;
    let base: string;
    const errors: string[] = [];

    beforeAll(async () => {
      h = await startHarness();
      const identity = demoIdentities().filter((e) => e.type === 'RecordCaeIdentity' && e.data['caeId'] === 'coodyssee');
      const envelopes = [...coodyssee2016(), ...identity, ...generateHistory({ caeId: 'oxalis', entrepreneurs: 12, year: 2016 })];
      for (let i = 0; i < envelopes.length; i += 1000) expect((await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000))).status).toBe(200);
      await h.account('auditor', 'network_auditor');
      await h.account('staff-coodyssee', { caeId: 'coodyssee', role: 'cae_staff', grantedOn: '2016-01-01' });
      await h.account('camille', { caeId: 'coodyssee', role: 'entrepreneur', entrepreneurId: 'esa-01', grantedOn: '2016-01-01' });
      await h.caughtUp();
      const server = await h.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    });
    afterAll(async () => {
      await browser?.close();
      await h?.close();
    });

    /** A fresh browser context logged in through the form; every console error is kept. */
    const loggedIn = async (username: string): Promise<Page> => {
      const page = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
      // A refused command is an answer the page shows, not a fault: Chromium's log of its 4xx is not counted.
      const refusal = (message: ConsoleMessage) => message.location().url.endsWith('/api/commands') && / status of 4\d\d /.test(message.text());
      page.on('console', (message) => message.type() === 'error' && !refusal(message) && errors.push(`${username}: ${message.text()}`));
      page.on('pageerror', (error) => errors.push(`${username}: ${String(error)}`));
      await page.goto(base);
      await page.getByLabel("Nom d'utilisateur").fill(username);
      await page.getByLabel('Mot de passe').fill(passwordOf(username));
      await page.getByRole('button', { name: 'Se connecter' }).click();
      return page;
    };

    /** Fills the expense form, as a clerk would, and sends it. */
    const sendExpense = async (page: Page, entrepreneurId: string, amount: string): Promise<void> => {
      for (const [label, value] of [['Entrepreneur (identifiant) *', entrepreneurId], ['Date de la dépense *', '2016-12-15'], ['Catégorie *', 'Fournitures'], ['Montant *', amount], ['TVA *', '0.00'], ['Description *', 'Papier']])
        await page.getByLabel(label!).fill(value!);
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    };

    const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] strong`).innerText();

    /** axe-core's violations on the page as it stands. */
    const violations = async (page: Page): Promise<string[]> => {
      await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      // Run in the page, written as a string: the tests compile without the DOM's types.
      return page.evaluate<string[]>("axe.run().then((result) => result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`))");
    };

    afterEach(() => {
      expect(errors).toEqual([]);
      errors.length = 0;
    });

    it('a refused login says why next to the form, and nothing else opens', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(base);
      await page.getByLabel("Nom d'utilisateur").fill('admin');
      await page.getByLabel('Mot de passe').fill('not-the-password');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForSelector('[role="alert"]:has-text("incorrect")');
      expect(await page.getByRole('alert').innerText()).toBe("Nom d'utilisateur ou mot de passe incorrect.");
      expect(await page.locator('header nav a').count()).toBe(0);
    });

    it('the admin lands on the network, on its last year with activity, with every CAE in the table', async () => {
      const page = await loggedIn('admin');
      await page.waitForSelector('.figures');
      expect(await page.locator('h1').innerText()).toBe('Réseau — 2016');
      const network = (await h.http().get('/api/network/statistics?year=2016').expect(200)).body;
      // The figure as written in French ("1 157 084,00 €"), read back as the API's decimal string.
      expect((await figure(page, 'revenue')).replace(/[^\d,]/g, '').replace(',', '.')).toBe(network.revenue.total);
      expect(await figure(page, 'accompanied')).toBe(String(network.headcount.accompanied));
      const rows = await page.locator('section:has(caption:has-text("Les CAE")) tbody tr td:first-child').allInnerTexts();
      expect(rows.sort()).toEqual(['CAE oxalis', 'Coodyssée'].sort());
      // The network's own year: its monthly headcount and its revenue by sector, summed over the CAEs.
      const charted = await page.evaluate<number[]>("echarts.getInstanceByDom(document.querySelectorAll('.chart')[1]).getOption().series[2].data");
      expect(charted).toEqual(network.monthly.map((m: { headcountEnd: number }) => m.headcountEnd));
      expect(await page.locator('section:has(caption:has-text("par secteur")) tbody tr').count()).toBe(Object.keys(network.revenue.bySector).length);
      // The split by region: one row per region, its CAEs counted, its revenue as the route sums it.
      const regions = page.locator('section:has(caption:has-text("Par région")) tbody tr');
      expect(await regions.count()).toBe(network.network.byRegion.length);
      const [region] = network.network.byRegion;
      expect(await regions.first().locator('td').allInnerTexts()).toEqual(expect.arrayContaining([region.region, String(region.caes)]));
      expect(await violations(page)).toEqual([]);
    });

    it('each role sees only what it may: no link to what it cannot read, and a page it types in says so', async () => {
      const page = await loggedIn('camille');
      await page.waitForSelector('.figures');
      await page.goto(`${base}/#/network`);
      await page.waitForURL(/#\/account\/coodyssee\/esa-01$/);
      await page.goto(`${base}/#/cae/oxalis/invoices`);
      await page.waitForSelector('[role="alert"]');
      expect(await page.getByRole('alert').innerText()).toBe("Vous n'avez pas accès à cette page.");
      // What the browser logged of those refusals (403 answers) is what this test asked for.
      errors.length = 0;
      const staff = await loggedIn('staff-coodyssee');
      await staff.waitForSelector('.figures');
      expect(await staff.locator('header nav a').allInnerTexts()).toEqual(['CAE coodyssee']);
      await staff.goto(`${base}/#/network`);
      await staff.waitForURL(/#\/cae\/coodyssee$/);
      await staff.waitForSelector('nav.tabs');
      expect(await staff.locator('nav.tabs a').allInnerTexts()).toContain('Saisie');
      // An auditor reads every CAE and sends nothing: no forms, and their address says so.
      const auditor = await loggedIn('auditor');
      await auditor.waitForSelector('.figures');
      await auditor.goto(`${base}/#/cae/coodyssee`);
      await auditor.waitForSelector('nav.tabs');
      expect(await auditor.locator('nav.tabs a').allInnerTexts()).not.toContain('Saisie');
      await auditor.goto(`${base}/#/cae/coodyssee/forms/RecordExpense`);
      await auditor.waitForSelector('[role="alert"]');
      expect(await auditor.getByRole('alert').innerText()).toBe("Vous n'avez pas accès à cette page.");
      expect(await auditor.locator('form.command').count()).toBe(0);
    });

    it("Coodyssée's 2016 page shows the figures of its statistics: 85 → 84, 908 700,00 €, and the chart the monthly headcount", async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.waitForSelector('.figures');
      expect(page.url()).toContain('#/cae/coodyssee');
      await page.selectOption('#year', '2016');
      await page.waitForSelector('h1:has-text("2016")');
      expect(await figure(page, 'headcount')).toBe('85 → 84');
      expect(await figure(page, 'revenue')).toBe('908\u202f700,00\u00a0€');
      const monthly = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body.monthly.map((m: { headcountEnd: number }) => m.headcountEnd);
      const charted = await page.evaluate<number[]>("echarts.getInstanceByDom(document.querySelector('.chart')).getOption().series[2].data");
      expect(charted).toEqual(monthly);
      expect(monthly.at(-1)).toBe(84);
      // Staff see their CAE only: no network link, and the network page is not theirs.
      expect(await page.locator('header nav a').allInnerTexts()).toEqual(['CAE coodyssee']);
      expect(await violations(page)).toEqual([]);
    });

    it('an entrepreneur lands on her own account: its figures, month by month, and her invoices only', async () => {
      const page = await loggedIn('camille');
      await page.waitForSelector('.figures');
      expect(page.url()).toContain('#/account/coodyssee/esa-01');
      expect(await page.locator('header nav a').allInnerTexts()).toEqual(['Mon compte d’activité']);
      const account = (await h.http().get('/api/caes/coodyssee/entrepreneurs/esa-01/account').expect(200)).body;
      const asWire = (text: string) => text.replace(/[^\d,-]/g, '').replace(',', '.');
      for (const key of ['revenueExclVat', 'contribution', 'result', 'availableTreasury']) expect([key, asWire(await figure(page, key))]).toEqual([key, account.toDate[key]]);
      const charted = await page.evaluate<number[]>("echarts.getInstanceByDom(document.querySelector('.chart')).getOption().series[0].data");
      expect(charted).toEqual(account.monthly.map((m: { revenueExclVat: string }) => Number(m.revenueExclVat)));
      const invoices = (await h.http().get('/api/caes/coodyssee/invoices').expect(200)).body.invoices.filter((i: { entrepreneurId: string }) => i.entrepreneurId === 'esa-01');
      expect(invoices.length).toBeGreaterThan(0);
      expect(await page.locator('section:has(caption:has-text("Factures et paiements")) tbody tr').count()).toBe(invoices.length);
      // Her path and her meetings, from her own file (she may not read the CAE's registers).
      const file = (await h.http().get('/api/caes/coodyssee/entrepreneurs/esa-01').expect(200)).body;
      expect(file.meetings.length).toBeGreaterThan(0);
      expect(await page.locator('section:has(caption:has-text("Parcours et contrats")) tbody tr').count()).toBe(file.history.length);
      expect(await page.locator('section:has(caption:has-text("Parcours et contrats")) tbody tr td:nth-child(2)').first().innerText()).toBe('Intégration');
      expect(await page.locator('section:has(caption:has-text("Entretiens et ateliers")) tbody tr').count()).toBe(file.meetings.length);
      expect(await violations(page)).toEqual([]);
    });

    it("the staff walk through their CAE's pages: the registers searched and paged, alerts, invoices, treasury, access, as of a date", async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.waitForSelector('.figures');
      const api = async (path: string) => (await h.http().get(path).expect(200)).body;

      await page.getByRole('link', { name: 'Entrepreneurs' }).click();
      await page.waitForSelector('h1:has-text("Entrepreneurs")');
      const register = await api('/api/caes/coodyssee/registers/entrepreneurs');
      expect(await page.locator('.pager').innerText()).toContain(`(${register.entrepreneurs.length} lignes)`);
      expect(await page.locator('tbody tr').count()).toBe(25);
      await page.getByLabel('Rechercher').fill('Martin');
      const martins = register.entrepreneurs.filter((e: { person: { lastName?: string } }) => e.person.lastName === 'Martin');
      expect(martins.length).toBeGreaterThan(0);
      await page.waitForFunction(`document.querySelectorAll('tbody tr').length === ${martins.length}`);
      expect(await violations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Alertes' }).click();
      await page.waitForSelector('h1:has-text("Alertes")');
      const compliance = await api('/api/caes/coodyssee/compliance');
      expect(await page.locator('p:has-text("Situation au")').first().innerText()).toContain(compliance.today);
      expect(await violations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Factures et paiements' }).click();
      await page.waitForSelector('h1:has-text("Factures")');
      const invoices = (await api('/api/caes/coodyssee/invoices')).invoices;
      expect(await page.locator('section:has(caption:has-text("Toutes les factures")) .pager').innerText()).toContain(`(${invoices.length} lignes)`);

      await page.getByRole('link', { name: 'Trésorerie' }).click();
      await page.waitForSelector('h1:has-text("Trésorerie")');
      const treasury = await api('/api/caes/coodyssee/treasury');
      expect((await figure(page, 'vatOwed')).replace(/[^\d,-]/g, '').replace(',', '.')).toBe(treasury.toDate.vatOwed);
      expect(await violations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Accès' }).click();
      await page.waitForSelector('h1:has-text("Accès")');
      expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);

      // As of mid-2016, the statistics page answers what the route answers as of that day.
      await page.getByRole('link', { name: 'Statistiques' }).click();
      await page.waitForSelector('#year');
      await page.fill('#as-of', '2016-06-30');
      await page.dispatchEvent('#as-of', 'change');
      await page.waitForURL(/asOf=2016-06-30/);
      await page.selectOption('#year', '2016');
      await page.waitForSelector('h1:has-text("2016")');
      const then = await api('/api/caes/coodyssee/statistics?year=2016&asOf=2016-06-30');
      expect(await figure(page, 'headcount')).toBe(`${then.headcount.start} → ${then.headcount.end}`);
      expect(then.headcount.end).not.toBe(84);
    });

    it('an auditor runs an audit as of a date and reads each rule, its findings and their evidence; the staff read it without running one', async () => {
      const page = await loggedIn('auditor');
      await page.waitForSelector('table');
      await page.getByRole('link', { name: 'Coodyssée' }).click();
      await page.getByRole('link', { name: 'Audits' }).click();
      await page.fill('#audit-as-of', '2016-12-31');
      await page.getByRole('button', { name: 'Auditer' }).click();
      await page.waitForSelector('.report');
      const [recorded] = (await h.http().get('/api/caes/coodyssee/audits').expect(200)).body.audits.slice(-1);
      const report = (await h.http().get(`/api/caes/coodyssee/audits/${recorded.auditId}`).expect(200)).body;
      expect(page.url()).toContain(`/audits/${recorded.auditId}`);
      const score = report.score;
      expect(await page.locator('[data-figure="score"]').innerText()).toBe(
        `Obligatoires ${score.mandatory.met}/${score.mandatory.total}, Recommandés ${score.recommended.met}/${score.recommended.total} — ${score.labelEligible ? 'labellisable' : 'non labellisable'}`,
      );
      expect(await page.locator('.rule').count()).toBe(report.rules.length);
      const failing = report.rules.find((rule: { outcome: string }) => rule.outcome === 'fail');
      expect(failing).toBeDefined();
      const shown = page.locator(`[data-rule="${failing.id}"]`);
      expect(await shown.locator('li').count()).toBe(failing.findings.length);
      expect(await shown.locator('li').first().innerText()).toContain(`position ${failing.findings[0].evidence[0].position}`);
      expect(await page.getByRole('link', { name: 'Rapport imprimable' }).getAttribute('href')).toBe(`/api/caes/coodyssee/audits/${recorded.auditId}?format=html`);
      expect(await violations(page)).toEqual([]);

      const staff = await loggedIn('staff-coodyssee');
      await staff.goto(`${base}/#/cae/coodyssee/audits`);
      await staff.waitForSelector('table');
      expect(await staff.locator('#audit-as-of').count()).toBe(0);
      expect(await staff.locator('tbody tr').count()).toBe(1);
    });

    it('a form built from the command schema sends the command, its effect shows once projected, and a refusal shows next to its field', async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.waitForSelector('.figures');
      const before = (await h.http().get('/api/caes/coodyssee/entrepreneurs/esa-01/account').expect(200)).body.toDate.expenses;
      await page.getByRole('link', { name: 'Saisie' }).click();
      await page.getByRole('link', { name: 'Enregistrer une dépense' }).click();
      await page.waitForSelector('form.command');
      await sendExpense(page, 'esa-01', '1.234');
      await page.waitForSelector('#form-outcome.error');
      // The field's problem and the refusal in French; the stable code and the API's own words beside them.
      expect(await page.locator('#f-amount-error').innerText()).toBe('doit être un montant avec au plus 2 décimales (ex. 1234.50)');
      expect(await page.getByRole('alert').innerText()).toMatch(/^La saisie est incomplète ou invalide : voyez les champs signalés\. VALIDATION_FAILED\nThe command is invalid: data\.amount must be a decimal string/);
      expect(await violations(page)).toEqual([]);

      await page.getByLabel('Montant *').fill('123.45');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForSelector('#form-outcome.done');
      expect(await page.locator('#f-amount-error').innerText()).toBe('');
      await h.caughtUp();
      await page.goto(`${base}/#/account/coodyssee/esa-01`);
      await page.waitForSelector('[data-figure="expenses"]');
      const after = (await h.http().get('/api/caes/coodyssee/entrepreneurs/esa-01/account').expect(200)).body.toDate.expenses;
      expect(subtractMoney(after, before)).toBe('123.45');
      expect((await figure(page, 'expenses')).replace(/[^\d,-]/g, '').replace(',', '.')).toBe(after);

      // A refusal of the domain (an unknown entrepreneur) says its message by the form.
      await page.goto(`${base}/#/cae/coodyssee/forms/RecordExpense`);
      await page.waitForSelector('form.command');
      await sendExpense(page, 'nobody', '10.00');
      await page.waitForSelector('#form-outcome.error');
      expect(await page.locator('#form-outcome').innerText()).toMatch(/nobody/);
      expect(await page.locator('#form-outcome').innerText()).toMatch(/^Introuvable : vérifiez l’identifiant saisi\. NOT_FOUND\n/);
    });

    it('a field of several forms offers the choice: an external associate admitted as an organisation', async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.waitForSelector('.figures');
      await page.goto(`${base}/#/cae/coodyssee/forms/AdmitAssociate`);
      await page.waitForSelector('form.command');
      const person = page.getByRole('group', { name: 'Personne' });
      expect(await person.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.parentElement!.textContent))).toEqual([
        'Personne physique',
        'Organisation (personne morale)',
        'Nom seul (fichiers d’import)',
      ]);
      expect(await person.getByLabel('Prénom *').count()).toBe(1);
      await person.getByLabel('Organisation (personne morale)').check();
      expect(await person.getByLabel('Prénom *').count()).toBe(0);
      for (const [label, value] of [['Associé (identifiant) *', 'alpes-solidaires'], ['Admis le *', '2016-12-20'], ['Parts *', '5'], ['Nom *', 'Alpes Solidaires'], ['SIREN', '12345678']])
        await page.getByLabel(label!, { exact: true }).fill(value!);
      await page.getByLabel('Catégorie *').selectOption('external');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForSelector('#form-outcome.error');
      expect(await page.locator('#f-person-organisation-siren-error').innerText()).toBe('doit être un SIREN : 9 chiffres');
      expect(await violations(page)).toEqual([]);
      await page.getByLabel('SIREN', { exact: true }).fill('123456789');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForSelector('#form-outcome.done');
      await h.caughtUp();
      const register = (await h.http().get('/api/caes/coodyssee/registers/associates').expect(200)).body;
      expect(JSON.stringify(register)).toContain('alpes-solidaires');
    });

    it('a client added to the directory through its form: a SIREN whose key is wrong refused in French, then the client on the Clients page', async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.waitForSelector('.figures');
      await page.goto(`${base}/#/cae/coodyssee/forms/RegisterClient`);
      await page.waitForSelector('form.command');
      for (const [label, value] of [['Client (identifiant dans l\'annuaire) *', 'hotel-du-col'], ['Enregistré le *', '2016-12-01'], ['Nom *', 'Hôtel du Col'], ['SIREN', '512345678'], ['Adresse (ligne 1) *', 'Col du Lautaret'], ['Code postal *', '05480'], ['Ville *', 'Villar-d’Arêne']])
        await page.getByLabel(label!, { exact: true }).fill(value!);
      await page.getByLabel('Type *').selectOption('company');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForSelector('#form-outcome.error');
      expect(await page.locator('#f-siren-error').innerText()).toBe('n’est pas un SIREN : sa clé (Luhn) est fausse');
      await page.getByLabel('SIREN', { exact: true }).fill('512345679');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForSelector('#form-outcome.done');
      await h.caughtUp();
      await page.goto(`${base}/#/cae/coodyssee/clients`);
      await page.waitForSelector('h1:has-text("Clients")');
      expect(await page.locator('tbody tr').first().innerText()).toMatch(/^hotel-du-col\tHôtel du Col\tEntreprises\t512345679\t/);
      expect(await violations(page)).toEqual([]);
    });

    it('a table exports its rows as CSV', async () => {
      const page = await loggedIn('auditor');
      await page.waitForSelector('table');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section:has(caption:has-text("Les CAE"))').getByRole('button', { name: 'Exporter en CSV' }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
      expect(csv[0]).toBe("CAE,Région,Entrepreneurs accompagnés,Entrées,Sorties,Chiffre d'affaires HT,Masse salariale brute,Associés,Sorties positives,Audit du label");
      expect(csv.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['CAE oxalis', 'Coodyssée']);
      expect(csv.find((line) => line.startsWith('Coodyssée'))).toContain(',908700.00,');
    });

    it('a table exports its rows as xlsx, money as numbers written to the cent', async () => {
      const page = await loggedIn('auditor');
      await page.waitForSelector('table');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section:has(caption:has-text("Les CAE"))').getByRole('button', { name: 'Exporter en Excel (xlsx)' }).click()]);
      expect(download.suggestedFilename()).toBe('cae-2016.xlsx');
      const files = unzipSync(readFileSync((await download.path())!));
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      const texts = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()) + sheet;
      expect(sheet.match(/<row /g)).toHaveLength(3);
      expect(texts).toContain('Coodyssée');
      expect(sheet).toContain('<v>908700</v>');
    });

    it('the accountant downloads the year’s FEC and the CSV exports from the treasury page', async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.goto(`${base}/#/cae/coodyssee/treasury`);
      await page.waitForSelector('h2:has-text("Pour la comptabilité")');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'FEC 2016', exact: true }).click()]);
      expect(download.suggestedFilename()).toBe('812345676FEC20161231.txt');
      const fec = readFileSync((await download.path())!, 'latin1').split('\r\n');
      expect(fec[0]).toBe('JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise');
      expect(fec[1]).toMatch(/^VE\tVentes\tVE000001\t2016/);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Comptes d’activité mois par mois' }).click()]);
      expect(csv.suggestedFilename()).toBe('coodyssee-accounts.csv');
      expect(await violations(page)).toEqual([]);
    });

    it('the staff hand a client its invoice: Factur-X and its XML from the invoices page', async () => {
      const page = await loggedIn('staff-coodyssee');
      await page.goto(`${base}/#/cae/coodyssee/invoices`);
      await page.waitForSelector('[data-document="2016-000001.pdf"]');
      const pdf = await page.locator('[data-document="2016-000001.pdf"]').first().getAttribute('href');
      const answered = await page.evaluate(async (href) => {
        const res = await fetch(href!);
        return { status: res.status, type: res.headers.get('content-type'), start: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) };
      }, pdf);
      expect(answered).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
      const [xml] = await Promise.all([page.waitForEvent('download'), page.locator('[data-document="2016-000001.xml"]').first().click()]);
      expect(xml.suggestedFilename()).toBe('coodyssee-2016-000001.xml');
      expect(readFileSync((await xml.path())!, 'utf8')).toContain('<ram:GrandTotalAmount>');
      expect(await violations(page)).toEqual([]);
    });

    it('speaks English on demand', async () => {
      const page = await loggedIn('admin');
      await page.waitForSelector('.figures');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForSelector('h1:has-text("Network")');
      expect(await page.locator('[data-figure="revenue"] .label').innerText()).toBe('Revenue excl. VAT');
    });
  });
}
