import type { Envelope } from './history';

/** The demo CAEs' legal identities and a few clients of their directories: what their invoices' documents name. */

const identity = (caeId: string, effectiveOn: string, data: Record<string, unknown>): Envelope => ({
  type: 'RecordCaeIdentity',
  commandId: `${caeId}-identity`,
  data: { caeId, effectiveOn, ...data },
});

const client = (caeId: string, clientId: string, data: Record<string, unknown>): Envelope => ({
  type: 'RegisterClient',
  commandId: `${caeId}-client-${clientId}`,
  data: { caeId, clientId, ...data },
});

export const demoIdentities = (): Envelope[] => [
  identity('coodyssee', '2016-01-01', {
    legalName: 'Coodyssée SCOP SARL',
    siren: '812345676',
    siret: '81234567600009',
    rcsCity: 'Marseille',
    vatNumber: 'FR19812345676',
    address: { line1: '12 rue de la République', postalCode: '13001', city: 'Marseille' },
    shareCapital: '15000.00',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    email: 'compta@coodyssee.example',
  }),
  identity('alpes-sud', '2022-01-01', {
    legalName: 'Alpes Sud Entreprendre SCOP SA',
    siren: '881234561',
    siret: '88123456100002',
    rcsCity: 'Gap',
    vatNumber: 'FR26881234561',
    address: { line1: '4 place Jean Marcellin', postalCode: '05000', city: 'Gap' },
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  }),
  identity('loire-coop', '2022-01-01', {
    legalName: 'Loire Coop Activités SCIC SAS',
    siren: '892345679',
    siret: '89234567900005',
    rcsCity: 'Nantes',
    vatNumber: 'FR09892345679',
    address: { line1: '8 quai de la Fosse', postalCode: '44000', city: 'Nantes' },
  }),
  client('alpes-sud', 'hotel-du-col', {
    registeredOn: '2025-01-06',
    name: 'Hôtel du Col',
    kind: 'company',
    siren: '512345679',
    siret: '51234567900009',
    vatNumber: 'FR75512345679',
    address: { line1: 'Col du Lautaret', postalCode: '05480', city: 'Villar-d’Arêne' },
  }),
  client('alpes-sud', 'ville-de-briancon', {
    registeredOn: '2025-01-06',
    name: 'Ville de Briançon',
    kind: 'public_body',
    siren: '334567898',
    siret: '33456789800005',
    address: { line1: '1 rue Aspirant Jan', postalCode: '05100', city: 'Briançon' },
    chorusServiceCode: 'SERVICE-CULTURE',
  }),
  client('alpes-sud', 'jeanne-durand', {
    registeredOn: '2025-01-06',
    name: 'Jeanne Durand',
    kind: 'individual',
    address: { line1: '2 rue de France', postalCode: '05000', city: 'Gap' },
  }),
];
