/**
 * One account per role for the demo network (the README lists them): password `demo-<username>`, as in the
 * Keycloak realm of scripts/servers/keycloak. Camille Martin (esa-01) is an entrepreneur of Coodyssée under CESA.
 */
export const DEMO_ACCOUNTS = [
  { username: 'admin', grant: { role: 'network_admin' } },
  { username: 'auditor', grant: { role: 'network_auditor' } },
  { username: 'staff-coodyssee', grant: { role: 'cae_staff', caeId: 'coodyssee' } },
  { username: 'camille', grant: { role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'esa-01' } },
] as const;

export const demoPassword = (username: string): string => `demo-${username}`;
