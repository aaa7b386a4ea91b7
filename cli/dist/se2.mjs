const __se2CliUrl = new URL('../', import.meta.url).href;

// cli/se2.ts
import { Worker } from "node:worker_threads";

// src/host/ident.ts
var I32_MIN = -(2 ** 31);
var I32_MAX = 2 ** 31 - 1;
function isExecutionId(ident) {
  return typeof ident === "number" && Number.isInteger(ident) && ident >= I32_MIN && ident <= I32_MAX;
}
function parseExecutionId(text) {
  if (!/^\s*-?\d{1,10}\s*$/.test(text)) return null;
  const n = Number(text);
  return isExecutionId(n) ? n : null;
}

// node_modules/@bjorn3/browser_wasi_shim/dist/wasi_defs.js
var RIGHTS_FD_DATASYNC = 1 << 0;
var RIGHTS_FD_READ = 1 << 1;
var RIGHTS_FD_SEEK = 1 << 2;
var RIGHTS_FD_FDSTAT_SET_FLAGS = 1 << 3;
var RIGHTS_FD_SYNC = 1 << 4;
var RIGHTS_FD_TELL = 1 << 5;
var RIGHTS_FD_WRITE = 1 << 6;
var RIGHTS_FD_ADVISE = 1 << 7;
var RIGHTS_FD_ALLOCATE = 1 << 8;
var RIGHTS_PATH_CREATE_DIRECTORY = 1 << 9;
var RIGHTS_PATH_CREATE_FILE = 1 << 10;
var RIGHTS_PATH_LINK_SOURCE = 1 << 11;
var RIGHTS_PATH_LINK_TARGET = 1 << 12;
var RIGHTS_PATH_OPEN = 1 << 13;
var RIGHTS_FD_READDIR = 1 << 14;
var RIGHTS_PATH_READLINK = 1 << 15;
var RIGHTS_PATH_RENAME_SOURCE = 1 << 16;
var RIGHTS_PATH_RENAME_TARGET = 1 << 17;
var RIGHTS_PATH_FILESTAT_GET = 1 << 18;
var RIGHTS_PATH_FILESTAT_SET_SIZE = 1 << 19;
var RIGHTS_PATH_FILESTAT_SET_TIMES = 1 << 20;
var RIGHTS_FD_FILESTAT_GET = 1 << 21;
var RIGHTS_FD_FILESTAT_SET_SIZE = 1 << 22;
var RIGHTS_FD_FILESTAT_SET_TIMES = 1 << 23;
var RIGHTS_PATH_SYMLINK = 1 << 24;
var RIGHTS_PATH_REMOVE_DIRECTORY = 1 << 25;
var RIGHTS_PATH_UNLINK_FILE = 1 << 26;
var RIGHTS_POLL_FD_READWRITE = 1 << 27;
var RIGHTS_SOCK_SHUTDOWN = 1 << 28;
var FDFLAGS_APPEND = 1 << 0;
var FDFLAGS_DSYNC = 1 << 1;
var FDFLAGS_NONBLOCK = 1 << 2;
var FDFLAGS_RSYNC = 1 << 3;
var FDFLAGS_SYNC = 1 << 4;
var FSTFLAGS_ATIM = 1 << 0;
var FSTFLAGS_ATIM_NOW = 1 << 1;
var FSTFLAGS_MTIM = 1 << 2;
var FSTFLAGS_MTIM_NOW = 1 << 3;
var OFLAGS_CREAT = 1 << 0;
var OFLAGS_DIRECTORY = 1 << 1;
var OFLAGS_EXCL = 1 << 2;
var OFLAGS_TRUNC = 1 << 3;
var EVENTRWFLAGS_FD_READWRITE_HANGUP = 1 << 0;
var SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME = 1 << 0;
var RIFLAGS_RECV_PEEK = 1 << 0;
var RIFLAGS_RECV_WAITALL = 1 << 1;
var ROFLAGS_RECV_DATA_TRUNCATED = 1 << 0;
var SDFLAGS_RD = 1 << 0;
var SDFLAGS_WR = 1 << 1;

// node_modules/@bjorn3/browser_wasi_shim/dist/debug.js
var Debug = class Debug2 {
  enable(enabled) {
    this.log = createLogger(enabled === void 0 ? true : enabled, this.prefix);
  }
  get enabled() {
    return this.isEnabled;
  }
  constructor(isEnabled) {
    this.isEnabled = isEnabled;
    this.prefix = "wasi:";
    this.enable(isEnabled);
  }
};
function createLogger(enabled, prefix) {
  if (enabled) {
    const a = console.log.bind(console, "%c%s", "color: #265BA0", prefix);
    return a;
  } else {
    return () => {
    };
  }
}
var debug = new Debug(false);

// node_modules/@bjorn3/browser_wasi_shim/dist/fd.js
var Inode = class _Inode {
  static issue_ino() {
    return _Inode.next_ino++;
  }
  static root_ino() {
    return 0n;
  }
  constructor() {
    this.ino = _Inode.issue_ino();
  }
};
Inode.next_ino = 1n;

// src/host/fs.ts
var utf8 = new TextEncoder();

// src/host/lines.ts
var MAX_LINE_CHARS = 64 * 1024;

// src/host/log.ts
var INDENT = { host: "", wrapper: "	", python: "		" };
var LEVEL_COLOR = {
  host: "\x1B[38;5;208m",
  wrapper: "\x1B[32m",
  python: "\x1B[35m"
};
var RESET = "\x1B[0m";
function formatEntry(entry, color) {
  const indent = INDENT[entry.level];
  if (entry.file === "") return indent + entry.text;
  const name = color ? `${LEVEL_COLOR[entry.level]}[${entry.file}]${RESET}` : `[${entry.file}]`;
  const id = entry.ident === null ? "" : `id=${entry.ident} | `;
  return `${indent}${name} | ${id}${entry.text}`;
}

// src/host/mem.ts
var utf82 = new TextEncoder();
var utf8Decoder = new TextDecoder("utf-8");

// src/host/runtime.ts
var MAX_REUSED_MEMORY_BYTES = 256 * 1024 * 1024;

// src/host/index.ts
var DEFAULT_PAYLOAD = "It can't bite it's own tail. I'm done laughing.";
var DEFAULT_IDENT = 12345;

// cli/guest.ts
import { readdir as readdir2 } from "node:fs/promises";
import { basename, dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// cli/inputs.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
var InputError = class extends Error {
};
var MAX_PLUGIN_FILES = 1e3;
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function describe(e, what) {
  const code = e.code;
  const why = code === "ENOENT" ? "does not exist" : code === "EACCES" ? "is not readable" : code === "EISDIR" ? "is a folder" : e.message;
  return new InputError(`${what} ${why}`);
}
async function readBytes(path, what) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw describe(e, `${what} ${path}`);
  }
}
async function readText(path, what) {
  const bytes = await readBytes(path, what);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError(`${what} ${path} is not UTF-8 text`);
  }
}
async function readPluginFolder(root2) {
  try {
    if (!(await stat(root2)).isDirectory()) throw new InputError(`plugin root ${root2} is not a folder`);
  } catch (e) {
    throw e instanceof InputError ? e : describe(e, `plugin root ${root2}`);
  }
  const files = {};
  let count = 0;
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw describe(e, `plugin folder ${dir}`);
    }
    entries.sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "__pycache__" && !entry.name.startsWith(".")) await walk(path);
      } else if (entry.isFile()) {
        if (++count > MAX_PLUGIN_FILES) throw new InputError(`plugin root ${root2} holds more than ${MAX_PLUGIN_FILES} files`);
        files[relative(root2, path).split(sep).join("/")] = await readText(path, "plugin file");
      }
    }
  };
  await walk(root2);
  if (!("plugin.py" in files)) throw new InputError(`plugin root ${root2} has no plugin.py`);
  return files;
}

// cli/guest.ts
var COMMITTED_WRAPPER = fileURLToPath(new URL("../public/guest/wrapper.wasm", __se2CliUrl));
async function readGuest(wrapperPath) {
  const wrapper = await readBytes(wrapperPath, "wrapper module");
  const dir = dirname(wrapperPath);
  const zips = (await readdir2(dir)).filter((name) => name.endsWith(".zip")).sort();
  if (zips.length === 0) throw new InputError(`no standard-library zip next to ${basename(wrapperPath)} in ${dir}`);
  const stdlib = {};
  for (const name of zips) stdlib[name] = await readBytes(join2(dir, name), "standard-library zip");
  return { wrapper, stdlib };
}

// cli/options.ts
import { parseArgs } from "node:util";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var root = (path) => fileURLToPath2(new URL(`../${path}`, __se2CliUrl));
var USAGE = `Usage: se2 [options]
Runs a Python plugin inside the SE2 wrapper module and prints the three-level log and the outcome.

  --plugin-root DIR     folder holding plugin.py and its helper modules (default: the article's plugin)
  --payload TEXT        the payload (default: "${DEFAULT_PAYLOAD}")
  --payload-file FILE   read the payload from FILE (UTF-8) instead
  --ident N             execution id, a 32-bit integer (default: ${DEFAULT_IDENT})
  --wrapper PATH        the wrapper module; the stdlib zips are read from its folder
                        (default: public/guest/wrapper.wasm)
  --timeout SECONDS     time limit of the whole run (default: 10)
  --json                print one JSON object instead of the log
  --no-color            no ANSI colours
  -h, --help            this text

Exit status: 0 result, 1 returned error or no result, 2 crash, timeout or bad arguments.`;
function parseOptions(argv, isTty) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "plugin-root": { type: "string" },
        payload: { type: "string" },
        "payload-file": { type: "string" },
        ident: { type: "string" },
        wrapper: { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    }));
  } catch (e) {
    return { kind: "bad", reason: e.message };
  }
  if (values.help) return { kind: "help" };
  if (values.payload !== void 0 && values["payload-file"] !== void 0) {
    return { kind: "bad", reason: "give --payload or --payload-file, not both" };
  }
  const ident = values.ident === void 0 ? DEFAULT_IDENT : parseExecutionId(values.ident);
  if (ident === null) {
    return { kind: "bad", reason: `--ident must be an integer from -2147483648 to 2147483647, got "${values.ident}"` };
  }
  const timeout = values.timeout === void 0 ? 10 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 24 * 3600) {
    return { kind: "bad", reason: `--timeout must be a number of seconds above 0, got "${values.timeout}"` };
  }
  return {
    kind: "run",
    options: {
      pluginRoot: values["plugin-root"] ?? root("guest/plugin"),
      payload: values["payload-file"] !== void 0 ? { file: values["payload-file"] } : { text: values.payload ?? DEFAULT_PAYLOAD },
      ident,
      wrapper: values.wrapper ?? COMMITTED_WRAPPER,
      timeoutMs: timeout * 1e3,
      json: values.json,
      // NO_COLOR and FORCE_COLOR as most terminal tools read them (an empty value means unset).
      color: !values["no-color"] && !process.env.NO_COLOR && (isTty || !!process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0")
    }
  };
}

// node_modules/valibot/dist/index.mjs
var store$4;
var DEFAULT_CONFIG = {
  lang: void 0,
  message: void 0,
  abortEarly: void 0,
  abortPipeEarly: void 0
};
// @__NO_SIDE_EFFECTS__
function getGlobalConfig(config$1) {
  if (!config$1 && !store$4) return DEFAULT_CONFIG;
  return {
    lang: config$1?.lang ?? store$4?.lang,
    message: config$1?.message,
    abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
    abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
  };
}
var store$3;
// @__NO_SIDE_EFFECTS__
function getGlobalMessage(lang) {
  return store$3?.get(lang);
}
var store$2;
// @__NO_SIDE_EFFECTS__
function getSchemaMessage(lang) {
  return store$2?.get(lang);
}
var store$1;
// @__NO_SIDE_EFFECTS__
function getSpecificMessage(reference, lang) {
  return store$1?.get(reference)?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function _stringify(input) {
  const type = typeof input;
  if (type === "string") return `"${input}"`;
  if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
  if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
  return type;
}
function _addIssue(context, label, dataset, config$1, other) {
  const input = other && "input" in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = other?.received ?? /* @__PURE__ */ _stringify(input);
  const issue = {
    kind: context.kind,
    type: context.type,
    input,
    expected,
    received,
    message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
    requirement: context.requirement,
    path: other?.path,
    issues: other?.issues,
    lang: config$1.lang,
    abortEarly: config$1.abortEarly,
    abortPipeEarly: config$1.abortPipeEarly
  };
  const isSchema = context.kind === "schema";
  const message$1 = other?.message ?? context.message ?? /* @__PURE__ */ getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? /* @__PURE__ */ getSchemaMessage(issue.lang) : null) ?? config$1.message ?? /* @__PURE__ */ getGlobalMessage(issue.lang);
  if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
  if (isSchema) dataset.typed = false;
  if (dataset.issues) dataset.issues.push(issue);
  else dataset.issues = [issue];
}
// @__NO_SIDE_EFFECTS__
function _isSameValueZero(value1, value2) {
  return value1 === value2 || Number.isNaN(value1) && Number.isNaN(value2);
}
// @__NO_SIDE_EFFECTS__
function _isValidObjectKey(object$1, key) {
  return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
}
// @__NO_SIDE_EFFECTS__
function _joinExpects(values$1, separator) {
  const list = [...new Set(values$1)];
  if (list.length > 1) return `(${list.join(` ${separator} `)})`;
  return list[0] ?? "never";
}
function _standardSchema(schema) {
  schema["~standard"] = {
    version: 1,
    vendor: "valibot",
    validate: (value$1) => schema["~run"]({ value: value$1 }, /* @__PURE__ */ getGlobalConfig())
  };
  return schema;
}
// @__NO_SIDE_EFFECTS__
function getDotPath(issue) {
  if (issue.path) {
    let key = "";
    for (const item of issue.path) if (typeof item.key === "string" || typeof item.key === "number") if (key) key += `.${item.key}`;
    else key += item.key;
    else return null;
    return key;
  }
  return null;
}
var EMOJI_REGEX = new RegExp("^(?:[\\u{1F1E6}-\\u{1F1FF}]{2}|\\u{1F3F4}[\\u{E0061}-\\u{E007A}]{2}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,3}\\u{E007F}|(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation})(?:\\u200D(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation}))*)+$", "u");
// @__NO_SIDE_EFFECTS__
function finite(message$1) {
  return {
    kind: "validation",
    type: "finite",
    reference: finite,
    async: false,
    expects: null,
    requirement: Number.isFinite,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "finite", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_value",
    reference: minValue,
    async: false,
    expects: `>=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function safeInteger(message$1) {
  return {
    kind: "validation",
    type: "safe_integer",
    reference: safeInteger,
    async: false,
    expects: null,
    requirement: Number.isSafeInteger,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "safe integer", dataset, config$1);
      return dataset;
    }
  };
}
var ABORT_EARLY_CONFIG = { abortEarly: true };
// @__NO_SIDE_EFFECTS__
function getFallback(schema, dataset, config$1) {
  return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
}
// @__NO_SIDE_EFFECTS__
function getDefault(schema, dataset, config$1) {
  return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
}
// @__NO_SIDE_EFFECTS__
function array(item, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "array",
    reference: array,
    expects: "Array",
    async: false,
    item,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < input.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.item["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function custom(check$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "custom",
    reference: custom,
    expects: "unknown",
    async: false,
    check: check$1,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.check(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function instance(class_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "instance",
    reference: instance,
    expects: class_.name,
    async: false,
    class: class_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.value instanceof this.class) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function literal(literal_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "literal",
    reference: literal,
    expects: /* @__PURE__ */ _stringify(literal_),
    async: false,
    literal: literal_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (/* @__PURE__ */ _isSameValueZero(dataset.value, this.literal)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function nullable(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "nullable",
    reference: nullable,
    expects: `(${wrapped.expects} | null)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === null) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === null) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function number(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "number",
    reference: number,
    expects: "number",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function object(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "object",
    reference: object,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function optional(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "optional",
    reference: optional,
    expects: `(${wrapped.expects} | undefined)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === void 0) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === void 0) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function picklist(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "picklist",
    reference: picklist,
    expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.options.includes(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function record(key, value$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "record",
    reference: record,
    expects: "Object",
    async: false,
    key,
    value: value$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const entryKey in input) if (/* @__PURE__ */ _isValidObjectKey(input, entryKey)) {
          const entryValue = input[entryKey];
          const keyDataset = this.key["~run"]({ value: entryKey }, config$1);
          if (keyDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "key",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of keyDataset.issues) {
              issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = keyDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          const valueDataset = this.value["~run"]({ value: entryValue }, config$1);
          if (valueDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "value",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of valueDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = valueDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
          if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function string(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "string",
    reference: string,
    expects: "string",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "string") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function _subIssues(datasets) {
  let issues;
  if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue);
  else issues = dataset.issues;
  return issues;
}
// @__NO_SIDE_EFFECTS__
function union(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "union",
    reference: union,
    expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      let validDataset;
      let typedDatasets;
      let untypedDatasets;
      for (const schema of this.options) {
        const optionDataset = schema["~run"]({ value: dataset.value }, config$1);
        if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
        else typedDatasets = [optionDataset];
        else {
          validDataset = optionDataset;
          break;
        }
        else if (untypedDatasets) untypedDatasets.push(optionDataset);
        else untypedDatasets = [optionDataset];
      }
      if (validDataset) return validDataset;
      if (typedDatasets) {
        if (typedDatasets.length === 1) return typedDatasets[0];
        _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
        dataset.typed = true;
      } else if (untypedDatasets?.length === 1) return untypedDatasets[0];
      else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _standardSchema({
    kind: "schema",
    type: "unknown",
    reference: unknown,
    expects: "unknown",
    async: false,
    "~run"(dataset) {
      dataset.typed = true;
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function variant(key, options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "variant",
    reference: variant,
    expects: "Object",
    async: false,
    key,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        let outputDataset;
        let maxDiscriminatorPriority = 0;
        let invalidDiscriminatorKey = this.key;
        let expectedDiscriminators = [];
        const parseOptions2 = (variant$1, allKeys) => {
          for (const schema of variant$1.options) {
            if (schema.type === "variant") parseOptions2(schema, new Set(allKeys).add(schema.key));
            else {
              let keysAreValid = true;
              let currentPriority = 0;
              for (const currentKey of allKeys) {
                const discriminatorSchema = schema.entries[currentKey];
                if (currentKey in input ? discriminatorSchema["~run"]({
                  typed: false,
                  value: input[currentKey]
                }, ABORT_EARLY_CONFIG).issues : discriminatorSchema.type !== "exact_optional" && discriminatorSchema.type !== "optional" && discriminatorSchema.type !== "nullish") {
                  keysAreValid = false;
                  if (invalidDiscriminatorKey !== currentKey && (maxDiscriminatorPriority < currentPriority || maxDiscriminatorPriority === currentPriority && currentKey in input && !(invalidDiscriminatorKey in input))) {
                    maxDiscriminatorPriority = currentPriority;
                    invalidDiscriminatorKey = currentKey;
                    expectedDiscriminators = [];
                  }
                  if (invalidDiscriminatorKey === currentKey) expectedDiscriminators.push(schema.entries[currentKey].expects);
                  break;
                }
                currentPriority++;
              }
              if (keysAreValid) {
                const optionDataset = schema["~run"]({ value: input }, config$1);
                if (!outputDataset || !outputDataset.typed && optionDataset.typed) outputDataset = optionDataset;
              }
            }
            if (outputDataset && !outputDataset.issues) break;
          }
        };
        parseOptions2(this, /* @__PURE__ */ new Set([this.key]));
        if (outputDataset) return outputDataset;
        _addIssue(this, "type", dataset, config$1, {
          input: input[invalidDiscriminatorKey],
          expected: /* @__PURE__ */ _joinExpects(expectedDiscriminators, "|"),
          path: [{
            type: "object",
            origin: "value",
            input,
            key: invalidDiscriminatorKey,
            value: input[invalidDiscriminatorKey]
          }]
        });
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(...pipe$1) {
  return _standardSchema({
    ...pipe$1[0],
    pipe: pipe$1,
    "~run"(dataset, config$1) {
      for (const item of pipe$1) if (item.kind !== "metadata") {
        if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
          dataset.typed = false;
          break;
        }
        if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
      }
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function safeParse(schema, input, config$1) {
  const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
  return {
    typed: dataset.typed,
    success: !dataset.issues,
    output: dataset.value,
    issues: dataset.issues
  };
}

// src/worker/protocol.ts
var Id = pipe(number(), safeInteger());
var Finite = pipe(number(), finite());
var Bytes = custom((x) => x instanceof Uint8Array, "expected bytes (a Uint8Array)");
var LogEntrySchema = object({
  level: picklist(["host", "wrapper", "python"]),
  file: string(),
  ident: nullable(Finite),
  text: string(),
  stream: picklist(["stdout", "stderr"]),
  time: Finite
});
var OutcomeSchema = variant("kind", [
  object({ kind: literal("result"), value: string() }),
  object({ kind: literal("error"), code: Finite, message: string() }),
  object({ kind: literal("none") }),
  object({ kind: literal("crash"), message: string() })
]);
var TimingsSchema = object({
  compile: optional(Finite),
  instantiate: optional(Finite),
  start: optional(Finite),
  run: optional(Finite)
});
var FilesSchema = record(string(), union([string(), Bytes]));
var StdlibSpecSchema = object({
  bytes: record(string(), Bytes),
  lazy: record(string(), string())
});
var WorkerRequestSchema = variant("type", [
  /** Once per Worker: the compiled wrapper and the stdlib; the Worker readies a spare instance. */
  object({ type: literal("init"), id: Id, module: instance(WebAssembly.Module), stdlib: StdlibSpecSchema }),
  /** A lazily loaded zip that the page has fetched in the background: no instance waits for it later. */
  object({ type: literal("stdlib"), id: Id, name: string(), bytes: Bytes }),
  object({ type: literal("run"), id: Id, files: FilesSchema, payload: string(), ident: Id })
]);
var WireErrorSchema = object({ type: string(), message: string() });
var WorkerReplySchema = variant("type", [
  object({ type: literal("ready"), id: Id }),
  /** Log lines of run `id` as they are produced; `dropped` counts earlier lines left out past the cap. */
  object({ type: literal("log"), id: Id, entries: array(LogEntrySchema), dropped: pipe(Id, minValue(0)) }),
  object({ type: literal("done"), id: Id, outcome: OutcomeSchema, timings: TimingsSchema }),
  object({ type: literal("failed"), id: Id, error: WireErrorSchema })
]);
var RelayMessageSchema = variant("kind", [
  /** Replies in order; a run's last lines come in the same message as its `done` (one render). */
  object({ kind: literal("replies"), replies: array(unknown()) }),
  /** The Python Worker failed outside a request (its script did not load, it threw). */
  object({ kind: literal("error"), message: string() }),
  /** The Python Worker was terminated after every line it sent before was passed on. */
  object({ kind: literal("closed") })
]);
var RelayCommandSchema = object({ kind: literal("terminate") });
function parse(schema, data) {
  const result = safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output };
  const problem = result.issues.slice(0, 3).map((issue) => `${getDotPath(issue) ?? "(message)"}: ${issue.message}`).join("; ");
  return { ok: false, problem };
}

// cli/protocol.ts
var FromWorkerSchema = variant("type", [
  object({ type: literal("log"), entry: LogEntrySchema }),
  object({ type: literal("done"), outcome: OutcomeSchema, timings: TimingsSchema })
]);

// cli/se2.ts
async function loadJob(options) {
  const [files, { wrapper, stdlib }, payload] = await Promise.all([
    readPluginFolder(options.pluginRoot),
    readGuest(options.wrapper),
    "file" in options.payload ? readText(options.payload.file, "payload file") : Promise.resolve(options.payload.text)
  ]);
  return { files, wrapper, stdlib, payload, ident: options.ident };
}
var RUNNER = true ? "./dist/run-worker.mjs" : "./run-worker.mjs";
function runInWorker(job, timeoutMs, onLog) {
  const worker = new Worker(new URL(RUNNER, __se2CliUrl), { workerData: job });
  return new Promise((resolve) => {
    const finish = (ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ending);
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    worker.on("message", (data) => {
      const parsed = parse(FromWorkerSchema, data);
      if (!parsed.ok) finish({ kind: "failed", message: `the runner sent a malformed message (${parsed.problem})` });
      else if (parsed.value.type === "log") onLog(parsed.value.entry);
      else finish({ kind: "outcome", outcome: parsed.value.outcome, timings: parsed.value.timings });
    });
    worker.on("error", (e) => finish({ kind: "failed", message: e.message }));
    worker.on("exit", (code) => finish({ kind: "failed", message: `the runner stopped early (exit ${code})` }));
  });
}
function verdict(ending, timeoutMs) {
  if (ending.kind === "timeout") return [2, `timed out after ${timeoutMs / 1e3} s`];
  if (ending.kind === "failed") return [2, `cannot run the wrapper: ${ending.message}`];
  const o = ending.outcome;
  switch (o.kind) {
    case "result":
      return [0, `result: ${o.value}`];
    case "error":
      return [1, `error ${o.code}: ${o.message}`];
    case "none":
      return [1, "no result: the plugin returned neither a result nor an error"];
    case "crash":
      return [2, `crash: ${o.message}`];
  }
}
async function main() {
  const parsed = parseOptions(process.argv.slice(2), process.stdout.isTTY === true);
  if (parsed.kind === "help") {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  if (parsed.kind === "bad") {
    process.stderr.write(`se2: ${parsed.reason} (see --help)
`);
    return 2;
  }
  const { options } = parsed;
  let job;
  try {
    job = await loadJob(options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`se2: ${e.message}
`);
    return 2;
  }
  const log = [];
  const started = performance.now();
  const ending = await runInWorker(job, options.timeoutMs, (entry) => {
    if (options.json) log.push(entry);
    else process.stdout.write(`${formatEntry(entry, options.color)}
`);
  });
  const [status, line] = verdict(ending, options.timeoutMs);
  if (options.json) {
    const outcome = ending.kind === "outcome" ? ending.outcome : null;
    const report = {
      outcome: outcome?.kind ?? ending.kind,
      result: outcome?.kind === "result" ? outcome.value : null,
      error: outcome?.kind === "error" ? { code: outcome.code, message: outcome.message } : null,
      crash: outcome?.kind === "crash" ? outcome.message : ending.kind === "failed" ? line : null,
      timeout: ending.kind === "timeout" ? options.timeoutMs / 1e3 : null,
      log,
      timings: { ...ending.kind === "outcome" ? ending.timings : {}, total: performance.now() - started }
    };
    process.stdout.write(`${JSON.stringify(report)}
`);
  } else {
    process.stdout.write(`
${line}
`);
  }
  if (status !== 0) process.stderr.write(`se2: ${line}
`);
  return status;
}
process.exitCode = await main();
