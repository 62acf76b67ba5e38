import { ACCESS_ROLES } from '../../../../libs/domain';
import { END_REASONS } from '../../../../projections/access/queries';
import { DATE, list, nullable, oneOfValues, record, TEXT, type JsonSchema } from './json';

/** The answer of GET /api/caes/{caeId}/access (docs/api.md § Access). */
export const ACCESS_REGISTER: JsonSchema = record({
  caeId: TEXT,
  accounts: list(
    record({
      accountId: TEXT,
      grants: list(
        record({
          role: oneOfValues(ACCESS_ROLES),
          entrepreneurId: nullable(TEXT),
          grantedOn: DATE,
          endedOn: nullable(DATE),
          endReason: nullable(oneOfValues(END_REASONS)),
        }),
        'in log order; endReason: the revocation’s reason (revoked when none), or exit when the entrepreneur’s exit ended it',
      ),
    }),
    'by accountId: every account that held access, also those whose grants all ended',
  ),
});
