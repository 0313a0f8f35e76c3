import ts from 'typescript';

/** Text a rep would see that does not come from the locale files. */
export type Literal = { file: string; line: number; where: string; text: string };

/** Attributes and props whose value a rep sees or a screen reader reads out. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** A component's own props that carry text: `confirmLabel`, `emptyText`, `errorMessage`, `heading`… */
const VISIBLE_PROP_SUFFIX = /^(?:[a-z]+(?:Label|Title|Text|Message|Heading|Placeholder|Description|Hint|Caption)|heading|message|caption|hint|description)$/;

/** DOM properties a plain-DOM view (lib/page-ui) fills with text. */
const VISIBLE_DOM_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'label', 'ariaLabel', 'ariaDescription', 'ariaPlaceholder', 'ariaValueText']);

/** Any letter of any script; numbers, punctuation and symbols (×, →, ·, …) are fine on their own. */
const LETTER = /\p{L}/u;
const ENTITY = /&(?:[a-zA-Z]+|#\d+|#x[\da-fA-F]+);/g;

const hasLetter = (text: string) => LETTER.test(text.replace(ENTITY, ''));
/** Words with a space and a capital or punctuation: a sentence or a title, not a class list ("btn primary") or CSS ("1fr 2fr"). */
const looksLikeProse = (text: string) => hasLetter(text) && /\s/.test(text.trim()) && /[\p{Lu}.,:;!?…'’]/u.test(text);
/** A style sheet or declarations ("left: 16px; bottom: 16px;", ":host { … }") written into a <style> or a table of positions. */
function looksLikeCss(text: string): boolean {
  const css = text.replace(/\$\{[^}]*\}/g, 'x');
  return /^\s*:host\b|[{}]/.test(css) || /(^|[;{]\s*)[a-z-]+\s*:\s*[^;]*;/.test(css);
}

/** Object keys whose values are markup or data, never shown: class names, ids, roles, types, URLs, styles. */
const NOT_VISIBLE_KEYS = new Set(['className', 'class', 'style', 'id', 'key', 'role', 'type', 'href', 'src', 'rel', 'target', 'accept', 'pattern', 'autoComplete', 'inputMode', 'testId']);
const isVisibleProp = (name: string) => VISIBLE_PROPS.has(name) || VISIBLE_PROP_SUFFIX.test(name);

/** A call to the translation function (`t('key')`, `i18n.t('key')`): its arguments are keys, not text. */
function isTranslation(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
}

/**
 * The string literals an expression can evaluate to: itself, either branch of `a ? b : c`, the
 * right side of `&&`, both sides of `||` and `??`, the parts of a template, through parentheses and
 * `as`. A literal compared (`stage === 'new'`) or passed to a call (`cx('btn')`, `t('key')`) is not
 * the expression's value and is left alone.
 */
function valueLiterals(node: ts.Node, found: { node: ts.Node; text: string }[] = []): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (hasLetter(node.text)) found.push({ node, text: node.text });
  } else if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    if (parts.some(hasLetter)) found.push({ node, text: node.getText().slice(1, -1) });
    for (const span of node.templateSpans) valueLiterals(span.expression, found);
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
    valueLiterals(node.expression, found);
  } else if (ts.isConditionalExpression(node)) {
    valueLiterals(node.whenTrue, found);
    valueLiterals(node.whenFalse, found);
  } else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) valueLiterals(node.right, found);
    else if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      valueLiterals(node.left, found);
      valueLiterals(node.right, found);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) valueLiterals(element, found);
  }
  return found;
}

/** Inside `style={{ … }}`: CSS, not text. */
function insideStyle(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isJsxAttribute(parent)) return ts.isIdentifier(parent.name) && parent.name.text === 'style';
    if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === 'style') return true;
  }
  return false;
}

function attributeName(name: ts.JsxAttributeName): string {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}

/**
 * Every user-visible literal in one source file: JSX text with a letter; literal values of visible
 * props and attributes (aria-label, title, placeholder, alt, label and props named like them);
 * literals in a JSX child expression (`{saving ? 'Saving…' : 'Save'}`); and in plain DOM code,
 * literals written to `textContent`, `title` and the like, given to `setAttribute('aria-label', …)`
 * or to `document.createTextNode(…)`.
 */
export function findLiterals(file: string, source: string): Literal[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const literals: Literal[] = [];
  const report = (node: ts.Node, where: string, text: string) => {
    if (looksLikeCss(text)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    literals.push({ file, line, where, text: text.replace(/\s+/g, ' ').trim() });
  };
  const reportValues = (expression: ts.Expression, where: string) => {
    for (const literal of valueLiterals(expression)) report(literal.node, where, literal.text);
  };

  const visit = (node: ts.Node): void => {
    if (isTranslation(node)) return;
    if (ts.isJsxText(node)) {
      if (hasLetter(node.text)) report(node, 'JSX text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = attributeName(node.name);
      if (isVisibleProp(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) {
          if (hasLetter(node.initializer.text)) report(node.initializer, name, node.initializer.text);
        } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          reportValues(node.initializer.expression, name);
        }
      }
      // Other attributes (className, id, role, type, key, href, data-testid, style…) are not read by the rep.
      if (node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression) ts.forEachChild(node.initializer.expression, visitNested);
      return;
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportValues(node.expression, 'JSX child');
    } else if (ts.isPropertyAssignment(node) && !ts.isComputedPropertyName(node.name) && !ts.isPrivateIdentifier(node.name)) {
      // Text kept in a table or a list of options: `{ id: 'leads', label: 'Leads' }`, `const TEXT = { empty: 'No leads yet.' }`.
      const key = node.name.text;
      const value = ts.isArrowFunction(node.initializer) && !ts.isBlock(node.initializer.body) ? node.initializer.body : node.initializer;
      if (!NOT_VISIBLE_KEYS.has(key) && !insideStyle(node)) {
        for (const literal of valueLiterals(value)) if (isVisibleProp(key) || looksLikeProse(literal.text)) report(literal.node, `property ${key}`, literal.text);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if (ts.isPropertyAccessExpression(target) && VISIBLE_DOM_PROPERTIES.has(target.name.text)) reportValues(node.right, `${target.name.text} =`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, second] = node.arguments;
      if (method === 'setAttribute' && first && second && ts.isStringLiteral(first) && isVisibleProp(first.text)) reportValues(second, `setAttribute('${first.text}')`);
      if (method === 'createTextNode' && first) reportValues(first, 'createTextNode');
    }
    ts.forEachChild(node, visit);
  };
  // Inside an attribute's expression only nested JSX (a render prop, a conditional element) is looked at again.
  const visitNested = (node: ts.Node): void => {
    if (isTranslation(node)) return;
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) visit(node);
    else ts.forEachChild(node, visitNested);
  };
  visit(sourceFile);
  return literals;
}

/** "components/Today.tsx:42  JSX text: "Nothing due today."" */
export function describeLiteral(literal: Literal): string {
  return `${literal.file}:${literal.line}  ${literal.where}: ${JSON.stringify(literal.text)}`;
}
