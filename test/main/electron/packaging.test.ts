import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures';

// electron-builder's own schema and YAML reader (installed with electron-builder)
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (o: object) => {
  compile(s: object): ((d: unknown) => boolean) & { errors?: unknown };
};
interface Platform {
  target: string | string[];
  icon: string;
}
/** The part of electron-builder.yml these tests read (the schema check covers the rest). */
interface BuilderConfig {
  win: Platform;
  mac: Platform;
  linux: Platform;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  files: string[];
  [key: string]: unknown;
}

const ROOT = REPO_ROOT;

describe('electron-builder.yml', () => {
  const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('targets Windows (NSIS + portable), macOS (dmg) and Linux (AppImage + deb)', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('unpacks better-sqlite3 from asar and sets the fuses', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('ships what the app loads: main, preload, renderer, models, icons that exist', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/main/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/electron/*.cjs', 'dist/renderer/**', 'models/**']));
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon])
      expect(fs.existsSync(path.join(ROOT, icon))).toBe(true);
    const png = fs.readFileSync(path.join(ROOT, 'assets/icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    // never rebuilt for Electron on install: that would break the Node build the tests use
    expect(pkg.scripts.postinstall).toBeUndefined();
  });
});
