<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parcelles (synthetic cadastre). SLD 1.0.0.
  Scale denominators are OGC standard-rendering-pixel scales (0.28 mm): 1:15 000 ≈ web-mercator z15,
  1:10 000 ≈ z15-16, 1:2 500 ≈ between z17 (≈ 1:3 000) and z18 (≈ 1:1 500) at 45°N.
  Parcels are hidden at smaller scales: 300 000 polygons would be a grey smear.
  The fill stays nearly transparent because the "plan" composite draws parcels over the PLU zones.
-->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>parcelles</Name>
    <UserStyle>
      <Name>default</Name>
      <Title>Parcelles cadastrales</Title>
      <Abstract>Limites de parcelles, numéros aux grandes échelles (1:2 500 et plus grand).</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Name>limites</Name>
        <Rule>
          <Name>parcelles_moyenne_echelle</Name>
          <Title>Parcelle</Title>
          <MinScaleDenominator>10000</MinScaleDenominator>
          <MaxScaleDenominator>15000</MaxScaleDenominator>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#B4A48C</CssParameter>
              <CssParameter name="stroke-width">0.4</CssParameter>
              <CssParameter name="stroke-opacity">0.55</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>parcelles_grande_echelle</Name>
          <Title>Parcelle</Title>
          <MaxScaleDenominator>10000</MaxScaleDenominator>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#FFFBF0</CssParameter>
              <CssParameter name="fill-opacity">0.25</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#9C8A6E</CssParameter>
              <CssParameter name="stroke-width">0.7</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Name>numeros</Name>
        <Rule>
          <Name>numero</Name>
          <Title>Numéro de parcelle</Title>
          <MaxScaleDenominator>2500</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>numero</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">9</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>1.5</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.8</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#5C4A32</CssParameter>
            </Fill>
            <!-- Large parcels first: they have room, and a small one losing its number is the lesser evil. -->
            <Priority><ogc:PropertyName>contenance</ogc:PropertyName></Priority>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="spaceAround">1</VendorOption>
            <VendorOption name="goodnessOfFit">0.6</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
