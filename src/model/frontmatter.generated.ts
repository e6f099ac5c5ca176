/* Generated from schemas/*.schema.json by scripts/gen-types.mjs. Do not edit by hand. */

/**
 * 1.2 Struktuuriüksus: tekst või loend, välimine üksus esimesena. — 1.2 Organisational unit: a string or a list, outermost first.
 *
 * @minItems 1
 */
export type StringOrList = string | [string, ...string[]];
/**
 * 1.4 Kes asendab. — 1.4 Substituted by.
 *
 * @minItems 1
 */
export type StringOrList1 = string | [string, ...string[]];
/**
 * 1.5 Keda asendab. — 1.5 Substitutes for.
 *
 * @minItems 1
 */
export type StringOrList2 = string | [string, ...string[]];
/**
 * ISO 639-1 keelekood, nt et, en, ru, fi. — ISO 639-1 language code, e.g. et, en, ru, fi.
 */
export type LanguageCode = string;
/**
 * Kompetentsi nimi kataloogist või kirjeldus {name, indicators}. — A catalogue competency name, or an inline definition {name, indicators}.
 */
export type Competency =
  | string
  | {
      /**
       * Kompetentsi nimi. — Name of the competency.
       */
      name: string;
      /**
       * Käitumisnäitajad, vähemalt üks. — Behavioural indicators, at least one.
       *
       * @minItems 1
       */
      indicators: [string, ...string[]];
    };
/**
 * Tööandja esindaja. — The employer's representative.
 */
export type Signatory =
  | string
  | {
      /**
       * Allkirjastaja nimi. — Name of the signatory.
       */
      name?: string;
      /**
       * Allkirjastaja roll või ametinimetus. — Role or job title of the signatory.
       */
      role?: string;
    }
  | null;
/**
 * Töötaja (või ametnik). — The employee (or official).
 */
export type Signatory1 =
  | string
  | {
      /**
       * Allkirjastaja nimi. — Name of the signatory.
       */
      name?: string;
      /**
       * Allkirjastaja roll või ametinimetus. — Role or job title of the signatory.
       */
      role?: string;
    }
  | null;

/**
 * Ametijuhendi esiosa (YAML frontmatter), vorming 1. — The frontmatter of a job description, format version 1.
 */
export interface JobDescriptionFrontmatter {
  /**
   * 1.1 Ametinimetus. — 1.1 Job title.
   */
  title: string;
  unit: StringOrList;
  /**
   * 1.3 Vahetu juht (ametinimetus). — 1.3 Reports to (the manager's job title).
   */
  reportsTo: string;
  substitutedBy?: StringOrList1;
  substitutes?: StringOrList2;
  /**
   * Asutus, mis trükitakse iga lehekülje päisesse; vaikimisi seadistusfailist. — The organisation printed in every page header; defaults to the config's.
   */
  organisation?: string;
  /**
   * Dokumendi keel: et või en (vaikimisi et). — Document language: et or en (default et).
   */
  lang?: 'et' | 'en';
  /**
   * Tunnus väljundfailide nimedeks ja viideteks; vaikimisi failinimi ilma .md-ta. — Identifier for output file names and cross-references; defaults to the file name without .md.
   */
  id?: string;
  /**
   * employee (töötaja: allkirjastavad mõlemad pooled) või official (ametnik: kinnitatakse käskkirjaga). — employee (signed by both parties) or official (approved by a directive).
   */
  kind?: 'employee' | 'official';
  /**
   * Kinnitamine: kinnitaja ametinimetus ja nimi, käskkirja number, kuupäev. — Approval: the approver's title and name, directive number and ISO date.
   */
  approval?: {
    /**
     * Kinnitaja ametinimetus ja nimi. — The approver's title and name.
     */
    by: string;
    /**
     * Käskkirja number. — Directive number.
     */
    directive: string | number;
    /**
     * Käskkirja kuupäev (AAAA-KK-PP). — Date of the directive (YYYY-MM-DD).
     */
    date: string;
  };
  /**
   * Ametijuhendi versioon (jalusesse ja metaandmetesse). — Version of the description (footer and metadata).
   */
  version?: string | number;
  /**
   * Viimase ülevaatuse kuupäev (AAAA-KK-PP); ülevaatuse tähtaja kontrolliks. — Date of the last review (YYYY-MM-DD); feeds the review-due check.
   */
  reviewed?: string;
  /**
   * 7. Töökohale esitatavad nõuded. — 7. Requirements for the position.
   */
  requirements: {
    /**
     * Haridus. — Education.
     */
    education: string;
    /**
     * Töökogemus. — Work experience.
     */
    experience?: string;
    /**
     * Keeleoskus: vähemalt üks nõue. — Language skills: at least one requirement.
     *
     * @minItems 1
     */
    languages: [LanguageRequirement, ...LanguageRequirement[]];
    /**
     * Arvutikasutamise oskus. — Computer skills.
     */
    computerSkills?: string;
    /**
     * Tööks vajalikud kompetentsid: nimi kataloogist või {name, indicators}. — Required competencies: a catalogue name or {name, indicators}.
     *
     * @minItems 1
     */
    competencies: [Competency, ...Competency[]];
    /**
     * Täiendavad kompetentsid ja isikuomadused. — Additional competencies and personal qualities.
     */
    additionalCompetencies?: Competency[];
    /**
     * Tööks vajalikud teadmised. — Knowledge required for the job.
     */
    knowledge?: string[];
  };
  /**
   * Allkirjastajad. — Signatories.
   */
  signatures?: {
    employer?: Signatory;
    employee?: Signatory1;
  };
}
/**
 * Keelenõue. — A language requirement.
 */
export interface LanguageRequirement {
  /**
   * Keelekood või koodide loend (üks neist). — A language code, or a list of codes meaning one of these.
   *
   * @minItems 1
   */
  lang: string | [LanguageCode, ...LanguageCode[]];
  /**
   * Euroopa keeleraamistiku (CEFR) tase. — CEFR level.
   */
  level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
  /**
   * Täpsustus, mis trükitakse nõude juurde. — A note printed with the requirement.
   */
  note?: string;
}

/**
 * Pealkirjade loend. — A list of headings.
 */
export type HeadingList = string[];

/**
 * ametijuhend.config.yaml: kehtib selle kausta ja alamkaustade ametijuhenditele. — Applies to the job descriptions in its folder and below.
 */
export interface AmetijuhendConfig {
  /**
   * Asutuse nimi (lehekülje päis). — Name of the organisation (page header).
   */
  organisation?: string;
  /**
   * Vaikimisi dokumendikeel. — Default document language.
   */
  lang?: 'et' | 'en';
  /**
   * Kompetentsikataloogi tee selle faili suhtes. — Path of the competency catalogue, relative to this file.
   */
  competencies?: string;
  /**
   * Jaotised, mille pärivad kõik ametijuhendid, kus need puuduvad (Markdown-failid). — Sections inherited by every description that omits them (Markdown files).
   */
  defaults?: {
    /**
     * Töökoha eesmärk. — Purpose.
     */
    purpose?: string;
    /**
     * Tööülesanded. — Duties.
     */
    duties?: string;
    /**
     * Õigused. — Rights.
     */
    rights?: string;
    /**
     * Vastutus. — Responsibilities.
     */
    responsibilities?: string;
    /**
     * Töövahendid. — Work equipment.
     */
    tools?: string;
    /**
     * Ametijuhendi muutmine. — Amendments.
     */
    changes?: string;
  };
  /**
   * Lisajaotiste pealkirjad (trükitakse pärast jaotist „Ametijuhendi muutmine“). — Headings of extra sections (rendered after “Amendments”).
   */
  extraSections?: string[];
  /**
   * Teadaolevate jaotiste lisapealkirjad. — More headings for the known sections.
   */
  aliases?: {
    purpose?: HeadingList;
    duties?: HeadingList;
    rights?: HeadingList;
    responsibilities?: HeadingList;
    tools?: HeadingList;
    changes?: HeadingList;
  };
  /**
   * Ametinimetused, mille ametijuhend pole selles hoidlas (nt peadirektor): viited neile ei ole vead. — Job titles without a description in this repository (e.g. the director general): references to them are fine.
   */
  knownTitles?: string[];
  /**
   * Markdown-failid, mis pole ametijuhendid: mustrid nagu .gitignore'is, selle faili kausta suhtes (`drafts/`, `*.mall.md`, `!oluline.md`). — Markdown files that are not job descriptions: patterns as in .gitignore, relative to this file's folder.
   */
  ignore?: string[];
  /**
   * Korrapärane ülevaatus. — Periodic review.
   */
  review?: {
    /**
     * Mitme kuu tagant tuleb ametijuhend üle vaadata. — How many months may pass between reviews.
     */
    months?: number;
  };
  /**
   * Reeglite tõsidus: error, warning või off. — Rule severities: error, warning or off.
   */
  rules?: {
    [k: string]: 'error' | 'warning' | 'off';
  };
}
