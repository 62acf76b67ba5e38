import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** The project's root, found from here whether this runs compiled (dist/) or from source (the tests). */
const projectRoot = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
};

/**
 * The dashboard (apps/dashboard) at `/`: its page and styles, its compiled modules under /app/, ECharts under
 * /vendor/echarts/, write-excel-file (xlsx exports) under /vendor/write-excel-file/. Static files only: the pages read the query routes like any client.
 */
export const serveDashboard = (app: NestExpressApplication): void => {
  const root = projectRoot();
  app.useStaticAssets(join(root, 'apps/dashboard/public'));
  app.useStaticAssets(join(root, 'dist/apps/dashboard/app'), { prefix: '/app/' });
  app.useStaticAssets(join(root, 'node_modules/echarts/dist'), { prefix: '/vendor/echarts/' });
  app.useStaticAssets(join(root, 'node_modules/write-excel-file/bundle'), { prefix: '/vendor/write-excel-file/' });
};
