import { checks } from '../audit/checks/index.js';
import * as compile from '../framework/compile.js';
import * as file from '../framework/file.js';
import type { LoadedFrameworkDocument } from '../framework/load.js';
import type { Framework } from '../framework/model.js';
import * as validate from '../framework/validate.js';

// framework/ compiles rules with the checks it is given (it never imports audit/): these hand it the registry.

/** Validates the meaning of a framework document that passed the structural pass, and compiles it. */
export const compileFramework = (loaded: LoadedFrameworkDocument, source: string): Framework =>
  compile.compileFramework(loaded, source, checks);

/** Reads, validates (both passes) and compiles a framework file, with the files it extends; the default one when no path is given. */
export const loadFramework = (path?: string): Promise<Framework> => file.loadFramework(path, checks);

/** Runs both validation passes on a framework file (with the files it extends); problems come back as data, never a throw. */
export const validateFramework = (path: string): Promise<validate.FrameworkValidation> => validate.validateFramework(path, checks);
