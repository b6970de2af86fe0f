import pkg from '../../../package.json';

/** The app's version, from package.json (bundled into the Electron build, so it matches app.getVersion()). */
export const APP_VERSION: string = pkg.version;
