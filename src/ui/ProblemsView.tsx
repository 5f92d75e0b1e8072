import type { ParseProblem } from '../core/challenge';
import { has, msg } from './i18n';

/** The catalog's wording of a parse problem (`parse_<code>`, `$1` = the name), else the parser's own message. */
export function problemText(problem: ParseProblem): string {
  const key = `parse_${problem.code.replace(/-/g, '_')}`;
  return has(key) ? msg(key, problem.name ?? '') : problem.message;
}

// field and offset are 0-based indexes into the header lines and the line's text.
function where(problem: ParseProblem): string {
  if (problem.offset === undefined) return '';
  return msg('ui_problem_where', String((problem.field ?? 0) + 1), String(problem.offset + 1));
}

/** What is malformed in the server's challenge header. */
export function ProblemsView({ problems }: { problems: readonly ParseProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section class="problems" data-testid="problems">
      <h3>{msg('ui_problems_title')}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-testid="problem" data-code={p.code}>
            {problemText(p)} <span class="where">{where(p)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
