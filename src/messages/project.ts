import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the project area (src/project, src/fs, src/config), keyed "project.<name>";
 * {placeholders} are filled by message(). Usage errors are shown in both languages, English first
 * (UsageError.of), as the tool cannot know the reader's language before it has read the config.
 */
export const PROJECT_MESSAGES = {
  // paths (discover.ts)
  'project.noSuchPath': {
    et: 'sellist faili ega kausta pole: {path}',
    en: 'no such file or folder: {path}',
  },
  'project.noMatch': {
    et: 'mustrile „{pattern}“ ei vasta ühtegi faili',
    en: 'no files match "{pattern}"',
  },
  // --changed-since (changed.ts)
  'project.notGitRepository': {
    et: '--changed-since vajab git-hoidlat: {cwd} ei ole git-hoidlas',
    en: '--changed-since needs a git repository: {cwd} is not in one',
  },
  'project.unknownRef': {
    et:
      '--changed-since: hoidlas {repo} pole viidet „{ref}“. Kas see on tõmmatud? Madal kloon ' +
      '(actions/checkout vaikimisi) seda ei sisalda: pane checkout-sammule „fetch-depth: 0“ ' +
      '(GitLabis GIT_DEPTH: 0) või tõmba viide enne: git fetch origin {branch}',
    en:
      '--changed-since: unknown git ref "{ref}" in {repo}. Has it been fetched? A shallow clone ' +
      '(the default of actions/checkout) does not have it: set "fetch-depth: 0" on the checkout ' +
      'step (GIT_DEPTH: 0 in GitLab), or fetch the ref first: git fetch origin {branch}',
  },
  // init --tool-spec (project/tool-spec.ts, cli/commands/init.ts)
  'project.init.helpToolSpec': {
    et:
      'kust hoidla ametijuhendi paigaldab: versioonivahemik, tarballi või kausta tee, git-URL ' +
      '(vaikimisi ^{version} registrist)',
    en:
      'where the docs repo installs ametijuhend from: a version range, a tarball or folder path, ' +
      'a git URL (default ^{version} from the registry)',
  },
  'project.init.badToolSpec': {
    et:
      'ametijuhend: --tool-spec „{spec}“ ei ütle, kust ametijuhendi paigaldada: anna versioonivahemik ' +
      '(^0.1.0), tarballi või kausta tee (./ametijuhend-0.1.0.tgz) või git-URL (git+https://…)',
    en:
      'ametijuhend: --tool-spec "{spec}" does not say where to install ametijuhend from: give a version ' +
      'range (^0.1.0), a tarball or folder path (./ametijuhend-0.1.0.tgz) or a git URL (git+https://…)',
  },
  'project.init.toolOutside': {
    et:
      'Hoiatus: {path} on väljaspool hoidlat, CI-s seda ei ole: pane tarball hoidlasse ja lisa see ' +
      'git-i või kasuta registri versiooni või git-URL-i (--tool-spec).',
    en:
      'Warning: {path} is outside the repository, so CI will not have it: put the tarball inside the ' +
      'repository and commit it, or use a registry version or a git URL (--tool-spec).',
  },
  'project.init.toolMissing': {
    et: 'Hoiatus: {path} ei ole olemas; npm install ei õnnestu enne, kui see on.',
    en: 'Warning: {path} does not exist; npm install fails until it does.',
  },
  'project.init.addTool': {
    et: 'package.json on juba olemas: lisa selle devDependencies alla "ametijuhend": {value}.',
    en: 'package.json is already there: add "ametijuhend": {value} to its devDependencies.',
  },
  'project.init.commitLock': {
    et: 'Lisa git-i ka package-lock.json (npm install loob selle): siis paigaldab CI sama versiooni (npm ci).',
    en: 'Commit package-lock.json too (npm install writes it): CI then installs the same version (npm ci).',
  },
  // init and the editor's files (project/init-merge.ts, cli/commands/init.ts)
  'project.init.merged': {
    et: '  täiendatud  {file} (lisatud ametijuhendi kirjed, sinu omad jäid alles)',
    en: '  added to  {file} (ametijuhend’s entries added, yours kept)',
  },
  'project.init.notMerged': {
    et: '{file} ei ole puhas JSON (kommentaarid?), see jäeti nii, nagu oli: lisa sinna ise {add}',
    en: '{file} is not plain JSON (comments?), so it was left as it was: add {add} to it yourself',
  },
  'project.init.summaryMerged': {
    et: 'Loodud {created, plural, one {# fail} other {# faili}}, täiendatud {merged}, vahele jäetud {skipped} (muid olemasolevaid faile ei muudeta).',
    en: 'Created {created, plural, one {# file} other {# files}}, added to {merged}, skipped {skipped} (other existing files are never changed).',
  },
  // status table (status.ts)
  'project.status.id': { et: 'Id', en: 'Id' },
  'project.status.title': { et: 'Ametinimetus', en: 'Title' },
  'project.status.unit': { et: 'Struktuuriüksus', en: 'Unit' },
  'project.status.version': { et: 'Versioon', en: 'Version' },
  'project.status.reviewed': { et: 'Üle vaadatud', en: 'Reviewed' },
  'project.status.reviewDue': { et: 'Järgmine ülevaatus', en: 'Review due' },
  'project.status.errors': { et: 'Vigu', en: 'Errors' },
  'project.status.warnings': { et: 'Hoiatusi', en: 'Warnings' },
  'project.status.count': {
    et: '{count, plural, one {# ametijuhend} other {# ametijuhendit}}',
    en: '{count, plural, one {# description} other {# descriptions}}',
  },
  // the output folder (fs/outdir.ts)
  'project.outDirPartIsFile': {
    et: 'väljundkausta {shown} ei saa luua: osa selle teest on fail',
    en: 'the output folder {shown} cannot be created: a part of its path is a file',
  },
  'project.outDirUnusable': {
    et: 'väljundkausta {shown} ei saa kasutada ({code})',
    en: 'the output folder {shown} cannot be used ({code})',
  },
  'project.outDirSystem': {
    et: 'väljundkaust {shown} on süsteemikaustas {system}: vali --out-dir abil muu kaust',
    en: 'the output folder {shown} is inside {system}, a system folder: choose another with --out-dir',
  },
  'project.outDirIsFile': {
    et: 'väljundkaust {shown} on fail, mitte kaust',
    en: 'the output folder {shown} is a file, not a folder',
  },
  'project.outDirDenied': {
    et: 'väljundkausta {shown} ei saa kirjutada (õigus puudub)',
    en: 'the output folder {shown} cannot be written (permission denied)',
  },
  'project.outDirCannotCreate': {
    et: 'väljundkausta {shown} ei saa luua (kaustas {existing} puudub kirjutusõigus)',
    en: 'the output folder {shown} cannot be created (permission denied in {existing})',
  },
  // writing outputs (fs/write.ts)
  'project.writeOutside': {
    et: '{path} on väljaspool kausta {root}: ei kirjuta',
    en: 'refusing to write {path} outside {root}',
  },
  'project.writeBlocked': {
    et: 'kausta {folder} ei saa kirjutada: {blocker} on fail, mitte kaust',
    en: 'cannot write to the folder {folder}: {blocker} is a file, not a folder',
  },
  'project.writeFailed': {
    et: 'kausta {folder} ei saa kirjutada ({code})',
    en: 'cannot write to the folder {folder} ({code})',
  },
  'project.writeLinkOutside': {
    et: 'kausta {folder} ei kirjutata: {link} on nimeviide kohta {target}, väljaspool kausta {root}',
    en: 'refusing to write to {folder}: {link} is a symbolic link to {target}, outside {root}',
  },
  // kinds of special files and why a read failed (fs/report.ts)
  'project.kind.folder': { et: 'kaust', en: 'a folder' },
  'project.kind.fifo': { et: 'nimega toru (FIFO)', en: 'a named pipe (FIFO)' },
  'project.kind.socket': { et: 'sokkel', en: 'a socket' },
  'project.kind.device': { et: 'seadmefail', en: 'a device' },
  'project.kind.other': { et: 'erifail', en: 'a special file' },
  'project.read.missing': { et: 'faili ei ole', en: 'the file does not exist' },
  'project.read.special': {
    et: 'see ei ole tavaline fail, vaid {kind}',
    en: 'it is not a regular file but {kind}',
  },
  'project.read.denied': { et: 'lugemisõigus puudub', en: 'permission denied' },
  'project.read.tooLarge': {
    et: 'fail on suurem kui {mib} MiB',
    en: 'the file is larger than {mib} MiB',
  },
  'project.read.io': { et: 'süsteemi viga {code}', en: 'system error {code}' },
  // config (config/load.ts)
  'project.didYouMean': { et: '; kas mõtlesid „{hint}“?', en: '; did you mean "{hint}"?' },
} satisfies Record<`project.${string}`, Template>;
