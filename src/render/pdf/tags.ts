/**
 * The tag tree (tagged PDF: H1/H2/H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Link …), built lazily.
 * Layout creates TagNodes; a node becomes a pdfkit structure element the first time content of it is
 * drawn, so the children of every element are in reading order whatever order layout ran in.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

export interface TagOptions {
  /** TH scope ("Column", "Row"). */
  scope?: 'Column' | 'Row' | 'Both';
}

export class TagNode {
  element: StructElement | undefined;
  constructor(
    readonly type: string,
    readonly parent: TagNode | null,
    readonly options: TagOptions = {},
  ) {}

  child(type: string, options?: TagOptions): TagNode {
    return new TagNode(type, this, options);
  }
}

/** Draws marked content into the tag tree. */
export class Tagger {
  constructor(
    private readonly doc: Doc,
    private readonly root: TagNode,
  ) {}

  /** The root element ('Document'); attach it before anything is drawn. */
  attachRoot(): void {
    const el = this.doc.struct(this.root.type);
    this.root.element = el;
    this.doc.addStructure(el);
  }

  element(node: TagNode): StructElement {
    if (!node.element) {
      // pdfkit's typings miss the `scope` option (it writes the Table attribute /Scope).
      const options = node.options.scope ? ({ scope: node.options.scope } as Record<string, string>) : {};
      node.element = this.doc.struct(node.type, options);
      const parent = node.parent ?? this.root;
      this.element(parent).add(node.element);
    }
    return node.element;
  }

  /** Draws content as a marked-content sequence belonging to `node`. */
  mark(node: TagNode, draw: () => void): void {
    const el = this.element(node);
    const content = this.doc.markStructureContent(node.type);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  /** Draws content that is not part of the document's logical content (borders, page numbers). */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Ends an element now (a Link must end on the page its annotation is on). */
  end(node: TagNode): void {
    node.element?.end();
  }

  finish(): void {
    this.root.element?.end();
  }
}
