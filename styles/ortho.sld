<?xml version="1.0" encoding="UTF-8"?>
<!--
  Orthophotographie (synthetic 20 cm RGB COG over Gap). SLD 1.1.0 / SE 1.1.
  default   the image as is.
  estompe   a washed-out image (opacity 0.5) to put vector layers on top of it.
-->
<StyledLayerDescriptor version="1.1.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:se="http://www.opengis.net/se"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>ortho</se:Name>
    <UserStyle>
      <se:Name>default</se:Name>
      <se:Description>
        <se:Title>Orthophotographie</se:Title>
        <se:Abstract>Orthophotographie 20 cm en couleurs naturelles.</se:Abstract>
      </se:Description>
      <IsDefault>1</IsDefault>
      <se:CoverageStyle>
        <se:Rule>
          <se:Name>ortho</se:Name>
          <se:RasterSymbolizer>
            <se:Opacity>1</se:Opacity>
          </se:RasterSymbolizer>
        </se:Rule>
      </se:CoverageStyle>
    </UserStyle>
    <UserStyle>
      <se:Name>estompe</se:Name>
      <se:Description>
        <se:Title>Orthophotographie estompée</se:Title>
        <se:Abstract>Orthophotographie à 50 % d'opacité, en fond discret sous les couches vectorielles.</se:Abstract>
      </se:Description>
      <se:CoverageStyle>
        <se:Rule>
          <se:Name>ortho_estompee</se:Name>
          <se:RasterSymbolizer>
            <se:Opacity>0.5</se:Opacity>
          </se:RasterSymbolizer>
        </se:Rule>
      </se:CoverageStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
