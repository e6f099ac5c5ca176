import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter',
  severity: 'error',
  description: {
    et: 'Ametijuhend algab YAML-esiosaga „---“ ridade vahel; see puudub või pole suletud.',
    en: 'A job description starts with YAML frontmatter between "---" lines; it is missing or not closed.',
  },
  messages: {
    missing: {
      et: 'Esiosa (frontmatter) puudub: fail peab algama reaga „---“, millele järgnevad title, unit, reportsTo, requirements … ja uuesti „---“.',
      en: 'The frontmatter is missing: the file must start with a "---" line, then title, unit, reportsTo, requirements … and another "---".',
    },
    unclosed: {
      et: 'Esiosa pole suletud: lisa pärast YAML-it rida „---“.',
      en: 'The frontmatter is not closed: add a "---" line after the YAML.',
    },
  },
  check(ctx) {
    if (ctx.source.frontmatter) return;
    const unclosed = ctx.source.unclosedFrontmatter;
    ctx.report(this, unclosed ? 'unclosed' : 'missing', {}, unclosed);
  },
});
