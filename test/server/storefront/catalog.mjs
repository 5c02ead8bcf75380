// The seeded catalog: the products of docs/examples/show.json, listed in all four stores
// under each store's own ids. Prices in cents (USD). Stock per variant; every store keeps
// its own copy, reset by POST /__store/reset.
//   sold out:      canvas-sneaker (whole product), linen-overshirt L/Olive
//   limited stock: gold-hoops (2), linen-overshirt L/Sand (3)
export const CATALOG = [
  {
    id: 'linen-overshirt',
    title: 'Relaxed Linen Overshirt',
    price: 6800,
    compareAtPrice: 8500,
    options: ['Size', 'Color'],
    shopify: { productId: '8123456789012', handle: 'relaxed-linen-overshirt' },
    woo: { productId: '1530' },
    bigcommerce: { productId: '110' },
    variants: [
      { sku: 'HP-LOS-S-SND', options: ['S', 'Sand'], stock: 12, shopify: '44012345678901', woo: '1541', bigcommerce: '231' },
      { sku: 'HP-LOS-M-SND', options: ['M', 'Sand'], stock: 7, shopify: '44012345678902', woo: '1542', bigcommerce: '232' },
      { sku: 'HP-LOS-L-SND', options: ['L', 'Sand'], stock: 3, shopify: '44012345678903', woo: '1543', bigcommerce: '233' },
      { sku: 'HP-LOS-S-OLV', options: ['S', 'Olive'], stock: 5, shopify: '44012345678904', woo: '1544', bigcommerce: '234' },
      { sku: 'HP-LOS-M-OLV', options: ['M', 'Olive'], stock: 9, shopify: '44012345678905', woo: '1545', bigcommerce: '235' },
      { sku: 'HP-LOS-L-OLV', options: ['L', 'Olive'], stock: 0, shopify: '44012345678906', woo: '1546', bigcommerce: '236' },
    ],
  },
  {
    id: 'velvet-lipstick-rosewood',
    title: 'Velvet Matte Lipstick, Rosewood',
    price: 2400,
    shopify: { productId: '8123456789030', handle: 'velvet-matte-lipstick-rosewood' },
    woo: { productId: '1532' },
    bigcommerce: { productId: '111' },
    variants: [{ sku: 'ML-VML-ROSE', options: [], stock: 40, shopify: '44012345679030', woo: '1532', bigcommerce: '240' }],
  },
  {
    id: 'rose-serum-30',
    title: 'Hydrating Rose Serum, 30 ml',
    price: 3900,
    shopify: { productId: '8123456789040', handle: 'hydrating-rose-serum-30ml' },
    woo: { productId: '1533' },
    bigcommerce: { productId: '112' },
    variants: [{ sku: 'PF-RS-30', options: [], stock: 25, shopify: '44012345679040', woo: '1533', bigcommerce: '245' }],
  },
  {
    id: 'canvas-sneaker',
    title: 'Canvas Low-Top Sneaker, Chalk',
    price: 7500,
    shopify: { productId: '8123456789055', handle: 'canvas-low-top-sneaker-chalk' },
    woo: { productId: '1534' },
    bigcommerce: { productId: '113' },
    variants: [{ sku: 'NB-CLT-CHK', options: [], stock: 0, shopify: '44012345679001', woo: '1534', bigcommerce: '250' }],
  },
  {
    id: 'gold-hoops',
    title: 'Small Gold Hoop Earrings',
    price: 4500,
    compareAtPrice: 5900,
    shopify: { productId: '8123456789060', handle: 'small-gold-hoops' },
    woo: { productId: '1535' },
    bigcommerce: { productId: '114' },
    variants: [{ sku: 'AU-SGH-20', options: [], stock: 2, shopify: '44012345679100', woo: '1535', bigcommerce: '255' }],
  },
];

/** `{product, variant}` for a store's variant id (Woo: a variation id or a simple product id). */
export function findVariant(store, id) {
  for (const product of CATALOG) {
    const variant = product.variants.find((v) => v[store] === String(id));
    if (variant) return { product, variant };
  }
  return undefined;
}

export function findProduct(store, pred) {
  return CATALOG.find((p) => pred(p[store]));
}

export const variantTitle = (product, variant) =>
  variant.options.length ? `${product.title} - ${variant.options.join(' / ')}` : product.title;
