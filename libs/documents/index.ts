export { en16931, SellerIdentityMissing } from './src/en16931';
export { ciiXml, facturX } from './src/factur-x';
export { mentionsOf, type Mention } from './src/mentions';
export { euros, frenchDay } from './src/french';
