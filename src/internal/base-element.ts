import { LitElement } from 'lit';

/** Options for {@link ShoppableElement.emit}. */
export interface EmitOptions {
  cancelable?: boolean;
}

/**
 * Base class of every element in the package: a typed `emit()` whose events bubble and
 * cross shadow roots, so a page can listen on `document` as well as on the element.
 */
export class ShoppableElement extends LitElement {
  /** Dispatches a bubbling, composed CustomEvent and returns it (check `defaultPrevented`). */
  emit<T>(name: string, detail?: T, options: EmitOptions = {}): CustomEvent<T> {
    const event = new CustomEvent<T>(name, {
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
      detail: detail as T,
    });
    this.dispatchEvent(event);
    return event;
  }
}

/**
 * Registers a custom element once. A second registration of the same class is a no-op; a
 * different class under the same tag (another copy of the package on the page) is left in
 * place with a console warning instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(
      `[shoppable-video] <${tag}> is already defined by another copy of the package; ` +
        'this copy will not register it. Load shoppable-video once per page.',
    );
  }
}
