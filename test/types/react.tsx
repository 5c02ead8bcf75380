// The React entry and the raw elements' JSX types as a React 19 app sees them.
import type {} from 'shoppable-video/react/jsx';
import { ShoppableFeed, ShoppableProduct, ShoppableVideo } from 'shoppable-video/react';
import type { ShoppableVideoElement } from 'shoppable-video';
import { useRef } from 'react';

export function Wrapped() {
  const ref = useRef<ShoppableVideoElement>(null);
  return (
    <>
      <ShoppableVideo
        ref={ref}
        src="/streams/show.m3u8"
        show="/shows/spring-edit.json"
        checkout="shopify"
        pauseOnCard
        onSvError={(e) => void (e.detail.code satisfies string)}
        onSvCartAdd={(e) => void (e.detail.quantity satisfies number)}
        onSvProductClick={(e) => e.preventDefault()}
      >
        <ShoppableProduct product-id="p1" title="Linen shirt" />
      </ShoppableVideo>
      <ShoppableFeed layout="grid" onSvStoryOpen={(e) => void (e.detail.index satisfies number)} />
      {/* @ts-expect-error: ShoppableError has no `status` */}
      <ShoppableVideo onSvError={(e) => e.detail.status} />
      {/* @ts-expect-error: no such event */}
      <ShoppableVideo onSvNothing={() => undefined} />
      {/* @ts-expect-error: preload is 'none' | 'metadata' | 'auto' */}
      <ShoppableVideo preload="eager" />
    </>
  );
}

export function Raw() {
  return (
    <>
      <shoppable-video src="/streams/show.m3u8" checkout="shopify" onsv-cart-add={(e) => void (e.detail.variantId satisfies string | undefined)}>
        <shoppable-product product-id="p1" title="Linen shirt"></shoppable-product>
      </shoppable-video>
      {/* @ts-expect-error: a cart-add detail has no error code */}
      <shoppable-video onsv-cart-add={(e) => e.detail.code} />
      {/* @ts-expect-error: autoplay is a boolean property */}
      <shoppable-video autoplay="yes" />
    </>
  );
}
